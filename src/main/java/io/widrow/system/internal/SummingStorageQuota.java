package io.widrow.system.internal;

import java.util.List;

import io.widrow.system.ApiException;
import io.widrow.system.Sizes;
import io.widrow.system.StorageMeter;
import io.widrow.system.StorageQuota;
import io.widrow.system.WidrowProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checked when something is about to be stored, not enforced by the database: two uploads racing can both pass,
 * overshooting by at most one object each, which is cheaper than serialising every write of an owner.
 */
@Component
class SummingStorageQuota implements StorageQuota {
    private final ObjectProvider<StorageMeter> meters;
    private final WidrowProperties properties;

    SummingStorageQuota(ObjectProvider<StorageMeter> meters, WidrowProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    @Override
    public long used(String ownerId) {
        List<StorageMeter> all = meters.orderedStream().toList();
        long sum = 0;
        for (StorageMeter m : all) {
            sum += m.bytesOwnedBy(ownerId);
        }
        return sum;
    }

    @Override
    public void check(String ownerId, long additionalBytes, String what) {
        long quota = properties.limits().storageQuota().toBytes();
        long used = used(ownerId);
        if (used + additionalBytes > quota) {
            throw ApiException.tooLarge("Storing " + what + " (" + Sizes.bytes(additionalBytes) + ") would exceed the "
                    + "storage quota of " + Sizes.bytes(quota) + " (widrow.limits.storage-quota); '" + ownerId
                    + "' already stores " + Sizes.bytes(used) + ". Delete datasets or models first.");
        }
    }
}
