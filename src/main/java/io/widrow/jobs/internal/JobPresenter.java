package io.widrow.jobs.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored rows into API views; shared by the REST endpoints and the SSE stream so both say the same thing. */
@Component
class JobPresenter {
    private static final TypeReference<List<Double>> DOUBLES = new TypeReference<>() {
    };

    private final JsonMapper json;

    JobPresenter(JsonMapper json) {
        this.json = json;
    }

    JobViews.JobView view(JobRow j) {
        JobViews.ErrorView error = j.errorTitle() == null ? null : new JobViews.ErrorView(j.errorTitle(), j.errorDetail());
        JobViews.MetricsView latest = j.latest() == null ? null : json.readValue(j.latest(), JobViews.MetricsView.class);
        return new JobViews.JobView(j.id(), j.status().name(), j.datasetId(), j.priority(), spec(j), j.createdAt(),
                j.startedAt(), j.finishedAt(), j.epoch(), j.epochs(), j.etaSeconds(), latest, j.modelId(), error);
    }

    JobSpec spec(JobRow j) {
        return json.readValue(j.spec(), JobSpec.class);
    }

    JobViews.MetricsView metrics(JobStore.StoredMetrics m) {
        return new JobViews.MetricsView(m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.learningRate(),
                m.momentum(), doubles(m.gradientNorms()), doubles(m.weightNorms()), m.samplesPerSecond(), m.seconds());
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    private List<Double> doubles(String text) {
        return text == null ? List.of() : json.readValue(text, DOUBLES);
    }
}
