package io.widrow.system;

/** The per-owner storage quota ({@code widrow.limits.storage-quota}) over every {@link StorageMeter}. */
public interface StorageQuota {

    /** Bytes {@code ownerId} stores across all features. */
    long used(String ownerId);

    /**
     * Throws a 413 problem naming the quota, the owner's usage and {@code what} when storing {@code additionalBytes}
     * more would exceed the quota.
     */
    void check(String ownerId, long additionalBytes, String what);
}
