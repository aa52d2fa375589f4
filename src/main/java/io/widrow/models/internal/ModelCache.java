package io.widrow.models.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.widrow.models.LoadedModel;
import org.springframework.stereotype.Component;

/**
 * Per-node LRU of decoded models, bounded by count and by total parameters. Entries are immutable (a stored model
 * never changes), so a stale entry can only waste memory, never serve wrong weights; callers check existence and
 * ownership in the database before using it. Concurrent misses for one id share a single decode, so a cold model
 * under load is read and parsed once.
 */
@Component
class ModelCache {
    private final int maxEntries;
    private final long maxParameters;
    private final LinkedHashMap<UUID, LoadedModel> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<UUID, CompletableFuture<LoadedModel>> loading = new HashMap<>();
    private long parameters;

    ModelCache(ModelsProperties properties) {
        this.maxEntries = properties.cacheSize();
        this.maxParameters = properties.cacheMaxParameters();
    }

    LoadedModel get(UUID id, Supplier<LoadedModel> loader) {
        CompletableFuture<LoadedModel> pending;
        boolean mine = false;
        synchronized (this) {
            LoadedModel hit = entries.get(id);
            if (hit != null) {
                return hit;
            }
            pending = loading.get(id);
            if (pending == null) {
                pending = new CompletableFuture<>();
                loading.put(id, pending);
                mine = true;
            }
        }
        if (!mine) {
            try {
                return pending.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            LoadedModel loaded = loader.get();
            synchronized (this) {
                loading.remove(id);
                if (loaded != null) {
                    put(id, loaded);
                }
            }
            pending.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                loading.remove(id);
            }
            pending.completeExceptionally(e);
            throw e;
        }
    }

    synchronized void evict(UUID id) {
        LoadedModel removed = entries.remove(id);
        if (removed != null) {
            parameters -= removed.model().parameterCount();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long parameters() {
        return parameters;
    }

    synchronized boolean contains(UUID id) {
        return entries.containsKey(id);
    }

    private void put(UUID id, LoadedModel model) {
        long size = model.model().parameterCount();
        if (maxEntries == 0 || size > maxParameters) {
            return;
        }
        LoadedModel previous = entries.put(id, model);
        if (previous != null) {
            parameters -= previous.model().parameterCount();
        }
        parameters += size;
        Iterator<LoadedModel> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || parameters > maxParameters) && eldest.hasNext()) {
            LoadedModel victim = eldest.next();
            if (victim == model) {
                continue;
            }
            eldest.remove();
            parameters -= victim.model().parameterCount();
        }
    }
}
