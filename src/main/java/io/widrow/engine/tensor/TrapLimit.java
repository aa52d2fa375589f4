package io.widrow.engine.tensor;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Says at startup whether C2 may give up its type checks in the vector kernels. C2 adds up the deoptimization
 * traps recorded in every method it inlines, copy by copy, and past {@code PerMethodTrapLimit} (100 by default)
 * it stops emitting class checks for the rest of that compilation. The 6 × 4 tile inlines the Vector API's
 * internals a few hundred times, and in a cold JVM those internals are often compiled on their own first (the
 * kernels run them as plain Java until C2 gets to the kernels), where they trap a few times each as more
 * operator and vector types appear. In 8 of 43 cold starts that trained at once (no warm-up; a Zen 4 host) the
 * tile's compilation added up 192 such traps, lost the receiver types its stores need, compiled every
 * {@code intoArray} as a call that boxes, and stayed 10× slower for the life of the JVM (epochs of 4-5 s instead
 * of 0.4). With the limit raised, 0 of 32. Only the limit changes: each bytecode still stops trapping after
 * {@code PerBytecodeTrapLimit}, and a method still stops being recompiled after {@code PerMethodRecompilationCutoff}.
 */
final class TrapLimit {
    /** The value every way of running Widrow passes. */
    static final long WANTED = 100_000;
    static final String FLAG = "-XX:PerMethodTrapLimit=" + WANTED;
    /** HotSpot's default. */
    static final long DEFAULT = 100;

    private TrapLimit() {
    }

    /** One log line for this JVM; the advice to raise the limit only where the vector kernels run. */
    static String describe(boolean vectorKernels) {
        return describe(limit(ManagementFactory.getRuntimeMXBean().getInputArguments()), vectorKernels);
    }

    /**
     * The limit the JVM options set, the last occurrence winning as in HotSpot, which also takes a k, m or g
     * suffix (powers of 1024: {@code 100k} is 102,400) and hexadecimal ({@code 0x10}); HotSpot's default of 100
     * when none does. Null for a value HotSpot would have refused to start with.
     */
    static Long limit(List<String> jvmArgs) {
        String prefix = "-XX:PerMethodTrapLimit=";
        for (int i = jvmArgs.size() - 1; i >= 0; i--) {
            if (jvmArgs.get(i).startsWith(prefix)) {
                return parse(jvmArgs.get(i).substring(prefix.length()));
            }
        }
        return DEFAULT;
    }

    private static Long parse(String value) {
        if (value.isEmpty()) {
            return null;
        }
        int shift = switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        try {
            long n = hex ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            return n > (Long.MAX_VALUE >> shift) ? null : n << shift;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param limit this JVM's {@code PerMethodTrapLimit}, or null where the options do not say a number
     * @param vectorKernels whether the vector kernels run; the portable ones lose nothing to a low limit
     */
    static String describe(Long limit, boolean vectorKernels) {
        if (limit == null) {
            return "C2 trap limit: unknown (-XX:PerMethodTrapLimit is not a number)";
        }
        if (limit >= WANTED || !vectorKernels) {
            return "C2 trap limit: " + limit;
        }
        return "C2 trap limit: " + limit + "; add " + FLAG
                + " to the JVM options, or a cold start may compile the vector kernels without their intrinsics (10× slower)";
    }
}
