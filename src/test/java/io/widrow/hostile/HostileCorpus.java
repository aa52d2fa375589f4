package io.widrow.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import static io.widrow.hostile.Payloads.fixture;
import static io.widrow.hostile.Payloads.gzip;
import static io.widrow.hostile.Payloads.idxImages;
import static io.widrow.hostile.Payloads.idxLabels;
import static io.widrow.hostile.Payloads.nested;
import static io.widrow.hostile.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hostile-input corpus: every entry is a request a careless or malicious client might send, the status it must
 * get, and the words its problem detail must contain (where: line, row, column, field; and which limit). A few
 * entries are legitimate-but-nasty input (SQL metacharacters in names, traversal in file names) that must be
 * stored verbatim or neutralised; those carry a check on the 2xx body instead.
 */
final class HostileCorpus {
    private HostileCorpus() {
    }

    /** Ids the requests aim at; the victim's belong to another user and must stay untouched. */
    record Target(String key, String adminKey, String dataset, String wideDataset, String model, String victimDataset,
                  String victimModel) {
    }

    interface Request {
        RequestBuilder build(Target t);
    }

    /** @param problemJson false only where MockMvc cannot show the container's error page (firewall rejections) */
    record Case(String name, Request request, int status, List<String> detail, Consumer<JsonNode> check,
                boolean problemJson) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final int MAGIC_IMAGES = 0x803;
    private static final int MAGIC_LABELS = 0x801;

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        csv(c);
        json(c);
        idx(c);
        specs(c);
        predict(c);
        namesAndSql(c);
        return c;
    }

    // ---- CSV --------------------------------------------------------------------------------------------------

    private static void csv(List<Case> c) {
        bad(c, "csv ragged short row", file("ragged.csv"), 400, "line 3", "2 cells, expected 3");
        bad(c, "csv ragged long row", file("ragged-long.csv"), 400, "line 3", "5 cells, expected 3");
        bad(c, "csv empty", file("empty.csv"), 400, "empty");
        bad(c, "csv blank lines only", file("blank-lines.csv"), 400, "at least one feature column");
        bad(c, "csv header only", file("header-only.csv"), 400, "header but no data rows");
        bad(c, "csv BOM then bad cell", file("bom-bad-cell.csv"), 400, "line 2", "column \"b\"", "\"oops\" is not a number");
        ok(c, "csv BOM is not part of the first name", file("bom-valid.csv"), 201,
                b -> assertThat(b.get("featureNames").get(0).asString()).isEqualTo("a"));
        bad(c, "csv quoted comma in a number", file("quoted-comma-number.csv"), 400, "line 2", "column \"a\"",
                "\"1,5\" is not a number");
        ok(c, "csv quoted comma in a label", file("quoted-comma-label.csv"), 201,
                b -> assertThat(b.get("classes").toString()).contains("x, y"));
        bad(c, "csv unterminated quote", file("unterminated-quote.csv"), 400, "line 2");
        bad(c, "csv non-numeric cell", file("non-numeric.csv"), 400, "line 3", "column \"b\"", "\"two\" is not a number");
        bad(c, "csv NaN cell", file("nan.csv"), 400, "line 3", "column \"b\"", "non-finite");
        bad(c, "csv Infinity cell", file("infinity.csv"), 400, "line 2", "column \"b\"", "non-finite");
        bad(c, "csv float overflow", file("overflow.csv"), 400, "line 2", "column \"b\"", "non-finite");
        bad(c, "csv Java hex literal", file("java-literals.csv"), 400, "line 2", "\"0x1p3\" is not a number");
        bad(c, "csv Java float suffix", file("float-suffix.csv"), 400, "line 2", "\"2f\" is not a number");
        bad(c, "csv regression with a text target", t -> upload(t, "r.csv", fixture("regression-text-target.csv"))
                .param("task", "regression"), 400, "line 3", "\"high\" is not a number");
        bad(c, "csv label column that does not exist", t -> upload(t, "x.csv", fixture("bom-valid.csv"))
                .param("labelColumn", "nope"), 400, "Label column \"nope\" does not exist", "a, b, label");
        bad(c, "csv label column index out of range", t -> upload(t, "x.csv", fixture("bom-valid.csv"))
                .param("labelColumn", "7").param("hasHeader", "false"), 400, "Label column \"7\" does not exist");
        bad(c, "csv 10 MB single line", t -> upload(t, "line.csv", utf8("1,".repeat(5_000_000) + "x")), 413,
                "widrow.limits.max-features");
        bad(c, "csv 10 MB single cell", t -> upload(t, "cell.csv", utf8("a,b,label\n1," + "9".repeat(10_000_000) + ",x\n")),
                400, "line 2", "column \"b\"", "non-finite");
        bad(c, "csv that is really binary (PNG)", t -> upload(t, "img.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10,
                26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), 400, "binary");
        bad(c, "csv of random control bytes", t -> upload(t, "noise.csv", Payloads.randomBytes(1, 4096, 1, 255)), 400,
                "binary");
        bad(c, "csv in UTF-16", t -> upload(t, "u16.csv", "a,b,label\n1,2,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)),
                400, "binary");
        bad(c, "csv 300-character column name", t -> upload(t, "n.csv", utf8("a".repeat(300) + ",b,label\n1,2,x\n")),
                400, "column 1", "300 characters");
        bad(c, "csv 300-character label", t -> upload(t, "l.csv", utf8("a,b,label\n1,2," + "x".repeat(300) + "\n")),
                400, "line 2", "column \"label\"", "300 characters");
        bad(c, "csv NUL in a label past the binary sniffer", t -> upload(t, "nul.csv",
                utf8("a,b,label\n" + "1,2,x\n".repeat(3000) + "1,2,x\u0000y\n")), 400, "line 3002", "control characters");
        bad(c, "csv 10001 classes", t -> upload(t, "k.csv", utf8(classes(10_001))), 400, "more than 10000 distinct values");
        bad(c, "csv 200k columns", t -> upload(t, "wide.csv", utf8(Payloads.csv(1, 200_000))), 413, "Line 1 has more than 100001 columns",
                "limit of 100000 feature columns", "widrow.limits.max-features");
        bad(c, "gzip bomb of valid CSV", t -> upload(t, "bomb.csv.gz", gzip(utf8("1,2,a\n"), 8_000_000)), 413,
                "decompresses to more than", "widrow.limits.max-decompressed");
        bad(c, "gzip truncated", t -> upload(t, "cut.csv.gz", Payloads.firstHalf(gzip(utf8(Payloads.csv(2000, 3))))),
                400, "corrupt or truncated");
        bad(c, "gzip with a broken header", t -> upload(t, "h.csv.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}), 400,
                "gzip header");
        bad(c, "gzip of binary", t -> upload(t, "bin.csv.gz", gzip(new byte[4096])), 400, "binary");
        bad(c, "upload without a file part", t -> multipart("/api/v1/datasets").param("name", "x").header("X-API-Key", t.key()),
                400, "1 field is invalid");
        bad(c, "upload with unknown task and missing policy", t -> upload(t, "x.csv", fixture("bom-valid.csv"))
                .param("task", "clustering").param("missing", "impute"), 400, "2 fields are invalid");
    }

    private static String classes(int n) {
        StringBuilder sb = new StringBuilder("a,label\n");
        for (int i = 0; i < n; i++) {
            sb.append(i).append(",c").append(i).append('\n');
        }
        return sb.toString();
    }

    // ---- JSON datasets ----------------------------------------------------------------------------------------

    private static void json(List<Case> c) {
        bad(c, "json wrong cell type", file("wrong-types.json"), 400, "Row 2", "column \"a\"", "\"one\" is not a number");
        bad(c, "json nested value", file("nested-value.json"), 400, "Row 1", "nested objects and arrays are not allowed");
        bad(c, "json top-level string", file("top-level-string.json"), 400, "array of objects");
        bad(c, "json truncated", file("truncated.json"), 400, "not valid JSON", "line 1, column");
        bad(c, "json missing field", file("missing-field.json"), 400, "Row 2 has no field \"a\"");
        bad(c, "json extra field", file("extra-field.json"), 400, "Row 2 has field \"z\"");
        bad(c, "json rows before columns", file("rows-before-columns.json"), 400, "\"columns\" must come before \"rows\"");
        bad(c, "json ragged rows", file("ragged-rows.json"), 400, "Row 2 has 2 cells, expected 3");
        bad(c, "json NaN literal", file("nan-literal.json"), 400, "not valid JSON", "line 1");
        bad(c, "json number overflow", file("overflow.json"), 400, "Row 1", "column \"a\"", "non-finite");
        bad(c, "json duplicate keys", file("duplicate-keys.json"), 400, "\"a\"");
        bad(c, "json row that is not an object", file("not-an-object-row.json"), 400, "Row 2 is not a JSON object");
        bad(c, "json 100k nested arrays", t -> upload(t, "deep.json", utf8(nested("[", 100_000))), 400,
                "Row 1 is not a JSON object");
        bad(c, "json 100k nested arrays in a cell", t -> upload(t, "deep.json",
                utf8("{\"columns\":[\"a\",\"label\"],\"rows\":[[" + nested("[", 100_000))), 400, "nested");
        bad(c, "json 100k nested arrays in an ignored field", t -> upload(t, "deep.json",
                utf8("{\"x\":" + nested("[", 100_000) + nested("]", 100_000) + "}")), 400, "exceeds a JSON reader limit",
                "line 1, column", "nesting depth");
        bad(c, "gzip bomb of JSON", t -> upload(t, "bomb.json.gz", gzip(utf8("{\"columns\":[\"a\",\"label\"],\"rows\":["
                + "[1,\"x\"],".repeat(3_000_000)))), 413, "widrow.limits.max-decompressed");
    }

    // ---- IDX --------------------------------------------------------------------------------------------------

    private static void idx(List<Case> c) {
        bad(c, "idx wrong image magic", idx(idxImages(0x0803_0000, 2, 2, 2, 8, 1), idxLabels(MAGIC_LABELS, 2, 2)), 400,
                "images", "wrong magic number");
        bad(c, "idx wrong label magic", idx(idxImages(MAGIC_IMAGES, 2, 2, 2, 8, 1), idxLabels(0x0803, 2, 2)), 400,
                "labels", "wrong magic number");
        bad(c, "idx zero dimension", idx(idxImages(MAGIC_IMAGES, 2, 0, 2, 0, 1), idxLabels(MAGIC_LABELS, 2, 2)), 400,
                "dimension 1 must be > 0, got 0");
        bad(c, "idx negative count", idx(idxImages(MAGIC_IMAGES, -5, 2, 2, 0, 1), idxLabels(MAGIC_LABELS, 2, 2)), 400,
                "item count must be > 0, got -5");
        bad(c, "idx counts disagree", idx(idxImages(MAGIC_IMAGES, 3, 2, 2, 12, 1), idxLabels(MAGIC_LABELS, 2, 2)), 400,
                "declares 3 items", "declares 2");
        bad(c, "idx truncated images", idx(idxImages(MAGIC_IMAGES, 10, 2, 2, 12, 1), idxLabels(MAGIC_LABELS, 10, 10)), 400,
                "truncated", "after 3 items of the declared 10");
        bad(c, "idx truncated labels", idx(idxImages(MAGIC_IMAGES, 4, 2, 2, 16, 1), idxLabels(MAGIC_LABELS, 4, 1)), 400,
                "labels", "truncated");
        bad(c, "idx truncated header", idx(new byte[] {0, 0, 8, 3, 0, 0}, idxLabels(MAGIC_LABELS, 1, 1)), 400,
                "truncated header");
        bad(c, "idx header lying about its size", idx(idxImages(MAGIC_IMAGES, 1000, 28, 28, 5 * 784, 1),
                idxLabels(MAGIC_LABELS, 1000, 1000)), 400, "truncated, end of file after 5 items of the declared 1000");
        bad(c, "idx header claiming 180M cells", idx(idxImages(MAGIC_IMAGES, 2000, 300, 300, 0, 0),
                idxLabels(MAGIC_LABELS, 2000, 0)), 413, "180000000 cells", "widrow.datasets.max-cells");
        bad(c, "idx header claiming 1M features", idx(idxImages(MAGIC_IMAGES, 2, 1000, 1000, 0, 0),
                idxLabels(MAGIC_LABELS, 2, 0)), 413, "1000000 values per item", "widrow.limits.max-features");
        bad(c, "idx gzip bomb", idx(Payloads.idxBomb(100_000, 28, 78_400_000L), gzip(idxLabels(MAGIC_LABELS, 100_000, 100_000))),
                413, "images part decompresses to more than", "widrow.limits.max-decompressed");
        bad(c, "idx truncated gzip", idx(Payloads.firstHalf(gzip(idxImages(MAGIC_IMAGES, 50, 28, 28, 50 * 784, 7))),
                idxLabels(MAGIC_LABELS, 50, 50)), 400, "The images part is corrupt or truncated gzip data");
        bad(c, "idx in the file part", t -> upload(t, "train-images.idx3-ubyte", idxImages(MAGIC_IMAGES, 1, 2, 2, 4, 1)),
                400, "IDX file", "images and labels");
        bad(c, "idx images without labels", t -> multipart("/api/v1/datasets")
                .file(new MockMultipartFile("images", "i", "application/octet-stream", idxImages(MAGIC_IMAGES, 1, 2, 2, 4, 1)))
                .header("X-API-Key", t.key()), 400, "1 field is invalid");
    }

    // ---- job specs --------------------------------------------------------------------------------------------

    private static void specs(List<Case> c) {
        spec(c, "spec negative learning rate", "\"training\":{\"optimizer\":{\"type\":\"sgd\",\"learningRate\":-0.1}}",
                "training.optimizer.learningRate", "must be > 0");
        spec(c, "spec zero epochs", "\"training\":{\"epochs\":0}", "training.epochs", "got 0");
        spec(c, "spec a billion epochs", "\"training\":{\"epochs\":1000000000}", "training.epochs", "got 1000000000");
        spec(c, "spec NaN learning rate", "\"training\":{\"optimizer\":{\"learningRate\":\"NaN\"}}",
                "training.optimizer.learningRate", "got NaN");
        spec(c, "spec infinite learning rate", "\"training\":{\"optimizer\":{\"learningRate\":1e309}}",
                "training.optimizer.learningRate", "Infinity");
        spec(c, "spec negative batch size", "\"training\":{\"batchSize\":-1}", "training.batchSize", "got -1");
        spec(c, "spec huge batch size", "\"training\":{\"batchSize\":2000000000}", "training.batchSize", "got 2000000000");
        spec(c, "spec momentum above one", "\"training\":{\"optimizer\":{\"type\":\"momentum\",\"momentum\":1.5}}",
                "training.optimizer.momentum", "[0, 1)");
        spec(c, "spec negative weight decay", "\"training\":{\"optimizer\":{\"weightDecay\":-1}}",
                "training.optimizer.weightDecay", ">= 0");
        spec(c, "spec validation split of one", "\"validation\":{\"split\":1.0}", "validation.split", "[0, 1)");
        spec(c, "spec unknown activation", "\"model\":{\"layers\":[{\"units\":4,\"activation\":\"swish\"}]}",
                "model.layers[0].activation", "got 'swish'");
        spec(c, "spec unknown optimizer", "\"training\":{\"optimizer\":{\"type\":\"adamw\"}}", "training.optimizer.type",
                "got 'adamw'");
        spec(c, "spec unknown layer type", "\"model\":{\"layers\":[{\"type\":\"conv2d\"}]}", "model.layers[0].type",
                "got 'conv2d'");
        spec(c, "spec a billion units", "\"model\":{\"layers\":[{\"units\":1000000000}]}", "model.layers[0].units",
                "got 1000000000");
        spec(c, "spec three 100k-unit layers", "\"model\":{\"layers\":[{\"units\":100000},{\"units\":100000},{\"units\":100000}]}",
                "model.layers", "widrow.limits.max-parameters");
        spec(c, "spec zero units", "\"model\":{\"layers\":[{\"units\":0}]}", "model.layers[0].units", "got 0");
        spec(c, "spec 101 layers", "\"model\":{\"layers\":[" + "{\"units\":1},".repeat(100) + "{\"units\":1}]}",
                "model.layers", "at most 100 layers");
        spec(c, "spec priority out of range", "\"priority\":1000000", "priority", "got 1000000");
        spec(c, "spec runtime beyond the ceiling", "\"maxRuntimeSeconds\":999999999", "maxRuntimeSeconds",
                "widrow.limits.max-runtime-seconds");
        spec(c, "spec SQL in the model type", "\"model\":{\"type\":\"mlp'; DROP TABLE jobs;--\"}", "model.type",
                "must be one of");
        bad(c, "spec poly2 on 2000 features", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.wideDataset()
                + "\",\"model\":{\"featureMap\":\"poly2\"}}"), 400, "widrow.limits.max-parameters");
        bad(c, "spec another user's dataset", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.victimDataset() + "\"}"),
                400, "1 field is invalid");
        bad(c, "spec another user's validation set", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.dataset()
                + "\",\"validation\":{\"datasetId\":\"" + t.victimDataset() + "\"}}"), 400, "1 field is invalid");
        bad(c, "spec datasetId as a number", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":5}"), 400, "1 field is invalid");
        bad(c, "spec SQL as datasetId", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"' OR '1'='1\"}"), 400,
                "1 field is invalid");
        bad(c, "spec epochs as text", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.dataset()
                + "\",\"training\":{\"epochs\":\"many\"}}"), 400, "'training.epochs' must be an integer");
        bad(c, "spec layers as an object", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.dataset()
                + "\",\"model\":{\"layers\":{\"units\":3}}}"), 400, "model.layers");
        bad(c, "spec warmup beyond int", t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.dataset()
                + "\",\"training\":{\"schedule\":{\"warmupSteps\":99999999999}}}"), 400,
                "Field 'training.schedule.warmupSteps' is invalid", "out of range");
        bad(c, "spec 100k nested arrays as layers", t -> json(post("/api/v1/jobs"), t, "{\"model\":{\"layers\":"
                + nested("[", 100_000)), 400, "Field 'model.layers[0]' must be");
        bad(c, "spec 100k nested arrays as priority", t -> json(post("/api/v1/jobs"), t, "{\"priority\":"
                + nested("[", 100_000)), 400, "Field 'priority' must be an integer");
        bad(c, "spec null body", t -> json(post("/api/v1/jobs"), t, "null"), 400, "1 field is invalid");
        bad(c, "spec not JSON", t -> json(post("/api/v1/jobs"), t, "datasetId=1"), 400, "not valid JSON");
    }

    private static void spec(List<Case> c, String name, String fields, String field, String message) {
        c.add(new Case(name, t -> json(post("/api/v1/jobs"), t, "{\"datasetId\":\"" + t.dataset() + "\"," + fields + "}"),
                400, List.of(), b -> assertThat(b.get("errors").toString())
                .contains("\"field\":\"" + field + "\"").contains(message), true));
    }

    // ---- predict ----------------------------------------------------------------------------------------------

    private static void predict(List<Case> c) {
        predict(c, "predict wrong width", "{\"inputs\":[[1,2,3]]}", 400, "Row 0 of inputs has 3 values, expected 2");
        predict(c, "predict strings", "{\"inputs\":[[\"a\",\"b\"]]}", 400, "Row 0, column 0", "must be a number, got the string \"a\"");
        predict(c, "predict NaN", "{\"inputs\":[[NaN,1]]}", 400, "Row 0, column 0", "NaN");
        predict(c, "predict float overflow", "{\"inputs\":[[1e39,1]]}", 400, "out of the float range");
        predict(c, "predict unknown feature", "{\"rows\":[{\"height\":1,\"weight\":2,\"age\":3}]}", 400,
                "unknown feature 'age'");
        predict(c, "predict both forms", "{\"inputs\":[[1,2]],\"rows\":[{\"height\":1,\"weight\":2}]}", 400, "exactly one");
        predict(c, "predict empty inputs", "{\"inputs\":[]}", 400, "'inputs' is empty");
        predict(c, "predict array body", "[]", 400, "must be a JSON object");
        predict(c, "predict empty body", "", 400, "JSON object");
        predict(c, "predict a million rows", "{\"inputs\":[" + "[0,0],".repeat(1_000_000) + "[0,0]]}", 413,
                "At most 100000 rows");
        predict(c, "predict 100k nested arrays", "{\"inputs\":[" + nested("[", 100_000), 400, "exceeds a JSON reader limit",
                "line 1, column", "nesting depth");
        predict(c, "predict a 2000-digit number", "{\"inputs\":[[" + "1".repeat(2000) + ",1]]}", 400,
                "exceeds a JSON reader limit", "Number value length");
        predict(c, "predict row as an object", "{\"inputs\":[{\"a\":1}]}", 400, "Row 0 of inputs must be an array");
        bad(c, "predict with text/plain", t -> post("/api/v1/models/" + t.model() + "/predict").header("X-API-Key", t.key())
                .contentType(MediaType.TEXT_PLAIN).content("1,2"), 415, "");
        bad(c, "predict another user's model", t -> json(post("/api/v1/models/" + t.victimModel() + "/predict"), t,
                "{\"inputs\":[[1,2]]}"), 404, "not found");
    }

    private static void predict(List<Case> c, String name, String body, int status, String... detail) {
        bad(c, name, t -> json(post("/api/v1/models/" + t.model() + "/predict"), t, body), status, detail);
    }

    // ---- names, paths and SQL metacharacters -----------------------------------------------------------------

    private static void namesAndSql(List<Case> c) {
        String sql = "x'); DROP TABLE datasets; --";
        ok(c, "sql in a dataset name is stored verbatim", t -> upload(t, "s.csv", fixture("bom-valid.csv")).param("name", sql),
                201, b -> assertThat(b.get("name").asString()).isEqualTo(sql));
        ok(c, "sql in column names and labels is stored verbatim", file("sql-names.csv"), 201, b -> {
            assertThat(b.get("featureNames").get(0).asString()).isEqualTo("a'); DROP TABLE datasets;--");
            assertThat(b.get("classes").toString()).contains("x'; DELETE FROM models;--");
        });
        ok(c, "sql in a generated dataset name", t -> json(post("/api/v1/datasets/generate"), t,
                "{\"kind\":\"xor\",\"samples\":8,\"noise\":0,\"name\":\"1' OR '1'='1\"}"), 201,
                b -> assertThat(b.get("name").asString()).isEqualTo("1' OR '1'='1"));
        bad(c, "sql as a label column", t -> upload(t, "x.csv", fixture("bom-valid.csv")).param("labelColumn", "' OR '1'='1"),
                400, "does not exist");
        bad(c, "sql in an API key name", t -> post("/api/v1/keys").header("X-API-Key", t.adminKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"bob'; DROP TABLE api_keys;--\",\"role\":\"user\"}"), 400, "1 field is invalid");
        bad(c, "sql as the API key", t -> get("/api/v1/datasets").header("X-API-Key", "' OR '1'='1"), 401, "unknown or revoked");
        bad(c, "sql in a path id", t -> get("/api/v1/datasets/1' OR '1'='1").header("X-API-Key", t.key()), 400, "a UUID");
        bad(c, "sql in a status filter", t -> get("/api/v1/jobs").param("status", "QUEUED' OR '1'='1")
                .header("X-API-Key", t.key()), 400, "Unknown status");
        bad(c, "sql in a page number", t -> get("/api/v1/models").param("page", "0; DROP TABLE models")
                .header("X-API-Key", t.key()), 400, "'page' must be an integer");
        ok(c, "sql in an audit filter matches nothing", t -> get("/api/v1/audit").param("actor", "' OR 1=1 --")
                .header("X-API-Key", t.adminKey()), 200, b -> assertThat(b.get("total").asLong()).isZero());
        bad(c, "traversal in a dataset name", t -> upload(t, "x.csv", fixture("bom-valid.csv")).param("name", "../../etc/passwd"),
                400, "1 field is invalid");
        bad(c, "traversal in a generated dataset name", t -> json(post("/api/v1/datasets/generate"), t,
                "{\"kind\":\"xor\",\"samples\":8,\"noise\":0,\"name\":\"../../etc/passwd\"}"), 400, "1 field is invalid");
        ok(c, "traversal in an upload file name is cut to its last segment", t -> upload(t, "../../etc/passwd",
                fixture("bom-valid.csv")), 201, b -> assertThat(b.get("name").asString()).isEqualTo("passwd"));
        ok(c, "windows traversal in an upload file name", t -> upload(t, "..\\..\\windows\\system.csv",
                fixture("bom-valid.csv")), 201, b -> assertThat(b.get("name").asString()).isEqualTo("system"));
        ok(c, "a file name of only dots", t -> upload(t, "..", fixture("bom-valid.csv")), 201,
                b -> assertThat(b.get("name").asString()).isEqualTo("dataset"));
        bad(c, "control characters in a dataset name", t -> upload(t, "x.csv", fixture("bom-valid.csv"))
                .param("name", "a\u0000b\nc"), 400, "1 field is invalid");
        c.add(new Case("encoded traversal in the URL", t -> get("/api/v1/datasets/%2e%2e%2fkeys").header("X-API-Key", t.key()),
                400, List.of(), null, false));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void bad(List<Case> c, String name, Request r, int status, String... detail) {
        c.add(new Case(name, r, status, List.of(detail), null, true));
    }

    private static void ok(List<Case> c, String name, Request r, int status, Consumer<JsonNode> check) {
        c.add(new Case(name, r, status, List.of(), check, false));
    }

    private static Request file(String fixture) {
        return t -> upload(t, fixture, fixture(fixture));
    }

    private static Request idx(byte[] images, byte[] labels) {
        return t -> multipart("/api/v1/datasets")
                .file(new MockMultipartFile("images", "images.idx3-ubyte", "application/octet-stream", images))
                .file(new MockMultipartFile("labels", "labels.idx1-ubyte", "application/octet-stream", labels))
                .header("X-API-Key", t.key());
    }

    static MockMultipartHttpServletRequestBuilder upload(Target t, String filename, byte[] content) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/datasets")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content));
        b.header("X-API-Key", t.key());
        return b;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, Target t, String body) {
        return b.header("X-API-Key", t.key()).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
