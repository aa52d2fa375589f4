package io.widrow.system;

/** Implemented by every feature that keeps an owner's bytes (datasets, models) so the storage quota can add them up. */
public interface StorageMeter {
    /** Bytes currently stored for {@code ownerId} by this feature. */
    long bytesOwnedBy(String ownerId);
}
