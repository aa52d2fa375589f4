package io.widrow.datasets.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.widrow.datasets.DatasetCatalog;
import io.widrow.datasets.DatasetInfo;
import io.widrow.datasets.DatasetUsage;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.data.IdxReader;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.AuditLog;
import io.widrow.system.StorageQuota;
import io.widrow.system.WidrowProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

@Service
class DatasetService implements DatasetCatalog {
    private static final int SNIFF = 8192;
    private static final int TEXT_BYTES_PER_CELL = 12;
    private static final int IDX_BYTES_PER_CELL = 8;

    private final DatasetRepository repository;
    private final ChunkStore chunks;
    private final MetadataStore metadata;
    private final ObjectProvider<DatasetUsage> usage;
    private final AuditLog audit;
    private final WidrowProperties properties;
    private final JsonTableReader jsonReader;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Counter uploadBytes;
    private final StorageQuota quota;

    DatasetService(DatasetRepository repository, ChunkStore chunks, MetadataStore metadata,
                   ObjectProvider<DatasetUsage> usage, AuditLog audit, WidrowProperties properties, JsonMapper json,
                   PlatformTransactionManager txManager, MeterRegistry meters, StorageQuota quota) {
        this.quota = quota;
        this.repository = repository;
        this.chunks = chunks;
        this.metadata = metadata;
        this.usage = usage;
        this.audit = audit;
        this.properties = properties;
        this.jsonReader = new JsonTableReader(json);
        this.tx = new TransactionTemplate(txManager);
        this.readTx = new TransactionTemplate(txManager);
        this.readTx.setReadOnly(true);
        this.uploadBytes = Counter.builder("widrow.datasets.upload.bytes")
                .baseUnit("bytes")
                .description("Bytes received in dataset uploads")
                .register(meters);
    }

    record UploadForm(String labelColumn, String name, String task, Boolean hasHeader, String missing) {
    }

    record GeneratedForm(String kind, int samples, double noise, long seed, String name) {
    }

    // ---- commands -------------------------------------------------------------------------------

    DatasetViews.DatasetView upload(Caller caller, UploadForm form, MultipartFile file, MultipartFile images,
                                    MultipartFile labels) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        String task = form.task() == null ? "classification" : form.task().trim().toLowerCase(Locale.ROOT);
        if (!task.equals("classification") && !task.equals("regression")) {
            errors.add(new ApiException.FieldProblem("task", "must be classification or regression"));
        }
        String missing = form.missing() == null ? "error" : form.missing().trim().toLowerCase(Locale.ROOT);
        if (!missing.equals("error") && !missing.equals("drop")) {
            errors.add(new ApiException.FieldProblem("missing", "must be error or drop"));
        }
        DatasetNames.check(form.name(), errors);
        boolean idx = images != null || labels != null;
        if (idx && (images == null || labels == null)) {
            errors.add(new ApiException.FieldProblem(images == null ? "images" : "labels",
                    "an IDX dataset needs both the images and the labels part"));
        }
        if (idx && file != null) {
            errors.add(new ApiException.FieldProblem("file", "send either file or images+labels, not both"));
        }
        if (!idx && (file == null || file.isEmpty())) {
            if (file == null) {
                errors.add(new ApiException.FieldProblem("file", "a CSV or JSON file part named file is required"));
            } else {
                throw ApiException.badRequest("The file is empty.");
            }
        }
        if (idx && task.equals("regression")) {
            errors.add(new ApiException.FieldProblem("task", "IDX datasets are classification datasets"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
        }
        ParseOptions options = new ParseOptions(form.labelColumn(), task.equals("regression"), form.hasHeader(),
                missing.equals("drop"), maxCells(TEXT_BYTES_PER_CELL), properties.limits().maxFeatures());
        long maxUpload = properties.datasets().maxUpload().toBytes();
        long maxInflated = properties.limits().maxDecompressed().toBytes();
        String format;
        String labelColumn;
        Dataset dataset;
        String defaultName;
        try {
            if (idx) {
                uploadBytes.increment(images.getSize() + labels.getSize());
                format = "idx";
                labelColumn = "label";
                defaultName = DatasetNames.fromFilename(images.getOriginalFilename());
                try (InputStream im = Uploads.open(images.getInputStream(), "the images part", maxUpload, maxInflated);
                     InputStream lb = Uploads.open(labels.getInputStream(), "the labels part", maxUpload, maxInflated)) {
                    IdxLimits.check((BufferedInputStream) im, properties.datasets().maxRows(), maxCells(IDX_BYTES_PER_CELL),
                            options.maxFeatures());
                    dataset = IdxReader.read(im, lb, properties.datasets().maxRows());
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage());
                }
                checkCells(dataset);
            } else {
                uploadBytes.increment(file.getSize());
                defaultName = DatasetNames.fromFilename(file.getOriginalFilename());
                try (InputStream raw = file.getInputStream()) {
                    BufferedInputStream in = sniffable(Uploads.open(raw, "the file", maxUpload, maxInflated));
                    boolean json = looksLikeJson(in, file.getOriginalFilename());
                    CsvTableReader.Parsed parsed = json ? jsonReader.read(in, options) : CsvTableReader.read(in, options);
                    format = json ? "json" : "csv";
                    dataset = parsed.dataset();
                    labelColumn = parsed.labelColumn();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("The upload could not be read; the file may be corrupt or truncated.");
        }
        String name = form.name() != null && !form.name().isBlank() ? form.name().trim() : defaultName;
        return store(caller, name, format, labelColumn, dataset);
    }

    DatasetViews.DatasetView generate(Caller caller, GeneratedForm form) {
        Dataset dataset;
        try {
            dataset = Generators.generate(new GeneratorSpec(form.kind(), form.samples(), form.noise(), form.seed()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String name = form.name() != null && !form.name().isBlank() ? form.name().trim() : form.kind() + "-" + form.samples();
        return store(caller, name, "generated", "label", dataset);
    }

    void delete(Caller caller, UUID id) {
        tx.executeWithoutResult(status -> {
            DatasetEntity e = visible(id, caller);
            if (usage.orderedStream().anyMatch(u -> u.inUse(id))) {
                throw ApiException.conflict("Dataset " + id + " is used by a queued or running job; cancel the job first.");
            }
            repository.delete(e);
            audit.record(caller.ownerId(), "delete", "dataset", id.toString());
        });
    }

    // ---- queries --------------------------------------------------------------------------------

    DatasetViews.PageView<DatasetViews.DatasetView> list(Caller caller, int page, int size) {
        return readTx.execute(status -> {
            PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
            Page<DatasetEntity> result = caller.admin()
                    ? repository.findAll(request)
                    : repository.findByOwnerId(caller.ownerId(), request);
            List<DatasetViews.DatasetView> items = result.getContent().stream().map(this::view).toList();
            return new DatasetViews.PageView<>(items, page, size, result.getTotalElements());
        });
    }

    DatasetViews.DatasetDetail detail(Caller caller, UUID id, int preview) {
        return readTx.execute(status -> {
            DatasetEntity e = visible(id, caller);
            Map<String, Integer> counts = metadata.classCounts(id);
            List<DatasetViews.FeatureStats> stats = metadata.features(id);
            List<DatasetViews.PreviewRow> rows = preview > 0 ? preview(id, Math.min(preview, e.rows())) : null;
            return new DatasetViews.DatasetDetail(e.id(), e.name(), e.format(), e.task(), e.rows(), e.features(),
                    stats.stream().map(DatasetViews.FeatureStats::name).toList(), e.labelColumn(),
                    new ArrayList<>(counts.keySet()), counts, e.createdAt(), stats, rows);
        });
    }

    @Override
    public Optional<DatasetInfo> find(UUID id, Caller caller) {
        return readTx.execute(status -> repository.findById(id)
                .filter(e -> caller.canAccess(e.ownerId()))
                .map(e -> new DatasetInfo(e.id(), e.ownerId(), e.name(), taskOf(e), e.rows(), e.features(),
                        metadata.featureNames(id), metadata.classes(id))));
    }

    @Override
    public Dataset load(UUID id) {
        return readTx.execute(status -> {
            if (!repository.existsById(id)) {
                throw ApiException.notFound("No dataset with id " + id + ".");
            }
            try (InputStream in = chunks.input(id, 0)) {
                return DatasetCodec.read(in);
            } catch (IOException e) {
                throw new IllegalStateException("Stored dataset " + id + " cannot be decoded", e);
            }
        });
    }

    // ---- internals ------------------------------------------------------------------------------

    private DatasetViews.DatasetView store(Caller caller, String name, String format, String labelColumn, Dataset d) {
        UUID id = UUID.randomUUID();
        List<DatasetViews.FeatureStats> stats = FeatureStatistics.compute(d);
        int[] counts = d.isClassification() ? d.classCounts() : new int[0];
        String[] classes = d.classes();
        DatasetEntity entity = new DatasetEntity(id, caller.ownerId(), name, format, taskName(d), d.rows(), d.features(),
                labelColumn, Instant.now());
        quota.check(caller.ownerId(), DatasetCodec.encodedSize(d), "dataset '" + name + "'");
        tx.executeWithoutResult(status -> {
            repository.saveAndFlush(entity);
            ChunkStore.ChunkOutput out = chunks.output(id);
            try (out) {
                DatasetCodec.write(d, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entity.storedAs(out.size(), out.chunks());
            repository.save(entity);
            metadata.saveFeatures(id, stats);
            metadata.saveClasses(id, classes, counts);
            audit.record(caller.ownerId(), "create", "dataset", id.toString());
        });
        Map<String, Integer> classCounts = new LinkedHashMap<>();
        for (int i = 0; i < classes.length; i++) {
            classCounts.put(classes[i], counts[i]);
        }
        return new DatasetViews.DatasetView(id, name, format, entity.task(), d.rows(), d.features(),
                List.of(d.featureNames()), labelColumn, List.of(classes), classCounts, entity.createdAt());
    }

    private List<DatasetViews.PreviewRow> preview(UUID id, int n) {
        try {
            DatasetCodec.Header h;
            float[] x;
            try (InputStream in = chunks.input(id, 0)) {
                h = DatasetCodec.readHeader(in);
                x = DatasetCodec.readFloats(in, n * h.features());
            }
            List<DatasetViews.PreviewRow> rows = new ArrayList<>(n);
            try (InputStream in = chunks.input(id, h.labelOffset())) {
                if (h.task() == Dataset.Task.CLASSIFICATION) {
                    int[] labels = DatasetCodec.readInts(in, n);
                    for (int i = 0; i < n; i++) {
                        rows.add(new DatasetViews.PreviewRow(row(x, i, h.features()), h.classes()[labels[i]]));
                    }
                } else {
                    float[] t = DatasetCodec.readFloats(in, n * h.targetCols());
                    for (int i = 0; i < n; i++) {
                        Object label = h.targetCols() == 1 ? (Object) t[i] : row(t, i, h.targetCols());
                        rows.add(new DatasetViews.PreviewRow(row(x, i, h.features()), label));
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("Stored dataset " + id + " cannot be decoded", e);
        }
    }

    private static float[] row(float[] values, int i, int width) {
        float[] out = new float[width];
        System.arraycopy(values, i * width, out, 0, width);
        return out;
    }

    private DatasetEntity visible(UUID id, Caller caller) {
        // Someone else's dataset is reported as missing so ids cannot be probed.
        return repository.findById(id)
                .filter(e -> caller.canAccess(e.ownerId()))
                .orElseThrow(() -> ApiException.notFound("No dataset with id " + id + "."));
    }

    private DatasetViews.DatasetView view(DatasetEntity e) {
        Map<String, Integer> counts = metadata.classCounts(e.id());
        return new DatasetViews.DatasetView(e.id(), e.name(), e.format(), e.task(), e.rows(), e.features(),
                metadata.featureNames(e.id()), e.labelColumn(), new ArrayList<>(counts.keySet()), counts, e.createdAt());
    }

    private void checkCells(Dataset d) {
        if ((long) d.rows() * d.features() > maxCells(IDX_BYTES_PER_CELL)) {
            throw ApiException.tooLarge("The dataset exceeds " + TableBuilder.cellsExceeded(maxCells(IDX_BYTES_PER_CELL)));
        }
    }

    /**
     * widrow.datasets.max-cells, lowered when the heap could not hold that many while parsing: one upload may use the
     * share of the heap a job may. Text formats peak at three copies of the samples (the growing array, its doubled
     * successor, the exact-size result: 12 bytes a cell); IDX at two (8 bytes), since its size is declared.
     */
    private long maxCells(int bytesPerCell) {
        long heapCells = (long) (Runtime.getRuntime().maxMemory() * properties.limits().maxJobMemoryFraction() / bytesPerCell);
        return Math.max(1, Math.min(properties.datasets().maxCells(), heapCells));
    }

    private static Dataset.Task taskOf(DatasetEntity e) {
        return "regression".equals(e.task()) ? Dataset.Task.REGRESSION : Dataset.Task.CLASSIFICATION;
    }

    private static String taskName(Dataset d) {
        return d.isClassification() ? "classification" : "regression";
    }

    /** Rejects binary content before any parser sees it; {@code in} is already inflated (Uploads). */
    private static BufferedInputStream sniffable(BufferedInputStream in) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b0 == 0 && b1 == 0 && b2 == 0x08) {
            throw ApiException.badRequest("This looks like an IDX file; send IDX data as two parts, images and labels.");
        }
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                throw ApiException.badRequest("The file is binary, not CSV or JSON text.");
            }
            if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (head.length > 0 && control * 20 > head.length) {
            throw ApiException.badRequest("The file is binary, not CSV or JSON text.");
        }
        return in;
    }

    private static boolean looksLikeJson(BufferedInputStream in, String filename) throws IOException {
        if (filename != null && filename.toLowerCase(Locale.ROOT).matches(".*\\.json(\\.gz)?")) {
            return true;
        }
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && (head[i] == '[' || head[i] == '{');
    }
}
