package io.widrow.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded mutation of valid inputs for the fuzz tests: byte-level edits biased towards the characters parsers care
 * about, and structural edits of JSON trees and IDX headers. Same seed, same cases, so a failure names its seed.
 */
public final class Mutator {
    private static final byte[] BYTES = {0, (byte) 0xFF, ',', '"', '\n', '\r', '{', '}', '[', ']', ':', '-', '.', 'e',
            'E', '+', '0', '9', 'N', 'a', ' ', '\t', (byte) 0x80, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\\', '\''};
    private static final String[] TOKENS = {"NaN", "Infinity", "-Infinity", "-0", "1e999", "1e-999", "\"", "\"\"", ",,",
            "\n\n", "null", "true", "[", "]", "{", "}", "[[[[[[[[", "]]]]", "\u0000", "\uFEFF", "9".repeat(600), "\uD83D\uDCA5",
            "'; DROP TABLE datasets;--", "../../etc/passwd", "2147483648", "-2147483649", "1e99999999999", "0x1p3", "\\u0000",
            "\"a\":1,", "{\"a\":[", ",\"label\"", "\r\n", "  ", "１２"};

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One to four byte-level edits of {@code input}. */
    public byte[] mutate(byte[] input) {
        byte[] b = input;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            b = edit(b);
        }
        return b;
    }

    private byte[] edit(byte[] b) {
        int n = b.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(8)) {
            case 0 -> {
                if (n > 0) {
                    b = b.clone();
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                if (n > 0) {
                    b = b.clone();
                    b[at] = BYTES[random.nextInt(BYTES.length)];
                }
            }
            case 2 -> b = splice(b, at, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            case 3 -> b = splice(b, at, Math.min(n, at + 1 + random.nextInt(16)), new byte[0]);
            case 4 -> {
                int end = Math.min(n, at + 1 + random.nextInt(32));
                b = splice(b, at, at, java.util.Arrays.copyOfRange(b, at, end));
            }
            case 5 -> b = java.util.Arrays.copyOf(b, at);
            case 6 -> {
                int other = n == 0 ? 0 : random.nextInt(n);
                b = splice(b, other, other, java.util.Arrays.copyOfRange(b, Math.min(at, other), Math.max(at, other)));
            }
            default -> b = splice(b, at, at, new byte[] {BYTES[random.nextInt(BYTES.length)]});
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    /** Replaces, removes or adds one value somewhere in a copy of {@code tree}. */
    public JsonNode mutate(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        JsonNode target = pick(copy);
        if (target instanceof ObjectNode o) {
            java.util.List<String> names = new java.util.ArrayList<>(o.propertyNames());
            int action = random.nextInt(3);
            if (action == 0 || names.isEmpty()) {
                o.set(random.nextBoolean() || names.isEmpty() ? "unknown" + random.nextInt(3) : names.get(random.nextInt(names.size())),
                        value());
            } else if (action == 1) {
                o.remove(names.get(random.nextInt(names.size())));
            } else {
                o.set(names.get(random.nextInt(names.size())), value());
            }
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty() || random.nextBoolean()) {
                a.add(value());
            } else {
                a.set(random.nextInt(a.size()), value());
            }
        }
        return copy;
    }

    private JsonNode pick(JsonNode root) {
        JsonNode node = root;
        while (random.nextInt(3) != 0) {
            java.util.List<JsonNode> children = new java.util.ArrayList<>();
            node.values().forEach(c -> {
                if (c.isContainer()) {
                    children.add(c);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            node = children.get(random.nextInt(children.size()));
        }
        return node;
    }

    /** A value chosen to break validators: wrong types, boundaries, non-finite numbers as strings, deep arrays. */
    public JsonNode value() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(18)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.stringNode("");
            case 3 -> f.stringNode(TOKENS[random.nextInt(TOKENS.length)]);
            case 4 -> f.numberNode(-1);
            case 5 -> f.numberNode(0);
            case 6 -> f.numberNode(1e308);
            case 7 -> f.numberNode(-1e308);
            case 8 -> f.numberNode(Long.MAX_VALUE);
            case 9 -> f.numberNode(Integer.MAX_VALUE);
            case 10 -> f.stringNode("NaN");
            case 11 -> f.arrayNode();
            case 12 -> f.objectNode();
            case 13 -> {
                ArrayNode deep = f.arrayNode();
                ArrayNode cur = deep;
                for (int i = 0; i < 2 + random.nextInt(1200); i++) {
                    ArrayNode next = f.arrayNode();
                    cur.add(next);
                    cur = next;
                }
                yield deep;
            }
            case 14 -> f.stringNode("x".repeat(random.nextInt(5000)));
            case 15 -> f.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 16 -> f.numberNode(random.nextInt(2_000_001) - 1_000_000);
            default -> f.numberNode(random.nextDouble());
        };
    }

    /** IDX image bytes with a random header: magics, counts and dimensions from the boundary values and beyond. */
    public byte[] idxImages() {
        int[] interesting = {0, -1, 1, 2, 3, 28, 255, 256, 65_535, 1_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE};
        int magic = switch (random.nextInt(5)) {
            case 0 -> 0x802;
            case 1 -> random.nextInt();
            default -> 0x803;
        };
        int count = random.nextBoolean() ? 1 + random.nextInt(20) : interesting[random.nextInt(interesting.length)];
        int rows = random.nextBoolean() ? 1 + random.nextInt(6) : interesting[random.nextInt(interesting.length)];
        int cols = random.nextBoolean() ? 1 + random.nextInt(6) : interesting[random.nextInt(interesting.length)];
        int pixels = random.nextInt(400);
        ByteBuffer b = ByteBuffer.allocate(16 + pixels).putInt(magic).putInt(count).putInt(rows).putInt(cols);
        byte[] out = b.array();
        for (int i = 16; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return random.nextInt(4) == 0 ? mutate(out) : out;
    }

    public byte[] idxLabels(int count) {
        int n = random.nextInt(3) == 0 ? random.nextInt(30) : Math.max(0, Math.min(count, 400));
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(random.nextInt(5) == 0 ? 0x803 : 0x801)
                .putInt(random.nextInt(4) == 0 ? random.nextInt(30) : count);
        byte[] out = b.array();
        for (int i = 8; i < out.length; i++) {
            out[i] = (byte) random.nextInt(12);
        }
        return out;
    }
}
