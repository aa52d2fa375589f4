package io.widrow.jobs.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.widrow.system.ApiException;

/** Collects every field problem of a spec so the client gets them all in one 400 instead of one per round trip. */
final class Problems {
    private final List<ApiException.FieldProblem> list = new ArrayList<>();

    void add(String field, String message) {
        list.add(new ApiException.FieldProblem(field, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<ApiException.FieldProblem> list() {
        return list;
    }

    ApiException toException() {
        return ApiException.badRequest(list.size() == 1 ? "1 field is invalid." : list.size() + " fields are invalid.",
                list);
    }

    /**
     * Engine constructors name the offending field in their message; the longest matching candidate wins so
     * "minLearningRate" is not reported as "learningRate".
     */
    static String fieldOf(String message, String prefix, String fallback, String... candidates) {
        String msg = message == null ? "" : message;
        return List.of(candidates).stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(msg::contains)
                .findFirst()
                .map(c -> prefix + "." + c)
                .orElse(fallback);
    }
}
