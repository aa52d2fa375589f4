package io.widrow.models.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.widrow.engine.model.ModelCodec;
import io.widrow.engine.model.TrainedModel;
import io.widrow.models.LoadedModel;
import io.widrow.models.ModelLookup;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class ModelService implements ModelRegistry, ModelLookup {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ModelStore store;
    private final ModelCache cache;
    private final AuditLog audit;
    private final JsonMapper json;

    ModelService(ModelStore store, ModelCache cache, AuditLog audit, JsonMapper json) {
        this.store = store;
        this.cache = cache;
        this.audit = audit;
        this.json = json;
    }

    /** Own transaction so a failing job status update afterwards cannot roll back a model the user may already see. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public UUID register(NewModel model) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(model.ownerId(), "ownerId");
        TrainedModel trained = Objects.requireNonNull(model.model(), "model.model");
        if (model.jobId() != null) {
            Optional<UUID> existing = store.idForJob(model.jobId());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        UUID id = UUID.randomUUID();
        String weights = ModelCodec.write(trained);
        ModelStore.ModelRow row = new ModelStore.ModelRow(id, model.ownerId(), model.jobId(), model.datasetId(),
                trained.spec().type(), trained.task().name().toLowerCase(Locale.ROOT),
                json.writeValueAsString(trained.architecture()),
                json.writeValueAsString(List.of(trained.featureNames())),
                json.writeValueAsString(List.of(trained.classes())),
                trained.parameterCount(),
                json.writeValueAsString(finite(model.metrics() == null ? Map.of() : model.metrics())),
                weights.getBytes(StandardCharsets.UTF_8).length,
                // Truncated to what TIMESTAMP(6) stores, so the value returned now equals the value read later.
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        store.insert(row, weights);
        audit.record(model.ownerId(), "create", "model", id.toString());
        return id;
    }

    @Override
    public Optional<LoadedModel> find(UUID id, Caller caller) {
        Optional<ModelStore.Owner> owner = store.owner(id);
        if (owner.isEmpty() || !caller.canAccess(owner.get().ownerId())) {
            return Optional.empty();
        }
        String ownerId = owner.get().ownerId();
        return Optional.ofNullable(cache.get(id, () -> store.weights(id)
                .map(doc -> new LoadedModel(id, ownerId, ModelCodec.read(doc)))
                .orElse(null)));
    }

    ModelViews.ModelView detail(Caller caller, UUID id) {
        return view(accessible(caller, id));
    }

    ModelViews.PageView<ModelViews.ModelView> list(Caller caller, int page, int size) {
        String owner = caller.admin() ? null : caller.ownerId();
        List<ModelViews.ModelView> items = new ArrayList<>();
        for (ModelStore.ModelRow row : store.page(owner, page, size)) {
            items.add(view(row));
        }
        return new ModelViews.PageView<>(items, page, size, store.count(owner));
    }

    /**
     * Writes the stored ModelCodec document to the writer {@code out} opens. Checked before anything is written, so
     * a missing or foreign model is still a clean 404.
     */
    @Transactional
    void streamWeights(Caller caller, UUID id, ModelStore.WriterSupplier out) {
        accessible(caller, id);
        audit.record(caller.ownerId(), "download", "model", id.toString());
        if (!store.streamWeights(id, out)) {
            throw notFound(id);
        }
    }

    @Transactional
    void delete(Caller caller, UUID id) {
        accessible(caller, id);
        if (!store.delete(id)) {
            throw notFound(id);
        }
        audit.record(caller.ownerId(), "delete", "model", id.toString());
        cache.evict(id);
    }

    private ModelStore.ModelRow accessible(Caller caller, UUID id) {
        ModelStore.ModelRow row = store.find(id).orElseThrow(() -> notFound(id));
        if (!caller.canAccess(row.ownerId())) {
            throw notFound(id);
        }
        return row;
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("Model " + id + " not found.");
    }

    private ModelViews.ModelView view(ModelStore.ModelRow row) {
        Instant created = row.createdAt() == null ? null : row.createdAt().toInstant();
        return new ModelViews.ModelView(row.id(), row.jobId(), row.datasetId(), row.type(), row.task(),
                json.readValue(row.architectureJson(), STRINGS), json.readValue(row.featureNamesJson(), STRINGS),
                json.readValue(row.classesJson(), STRINGS), row.parameters(),
                json.readValue(row.metricsJson(), OBJECT), created);
    }

    /** NaN and infinities (e.g. a validation loss when there was no validation set) are not JSON; store them as null. */
    private static Object finite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), finite(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(finite(v)));
            return out;
        }
        return value;
    }
}
