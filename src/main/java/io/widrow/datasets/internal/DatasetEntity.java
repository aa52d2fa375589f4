package io.widrow.datasets.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "datasets")
class DatasetEntity {
    @Id
    private UUID id;
    @Column(name = "owner_id", nullable = false, length = 100)
    private String ownerId;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 16)
    private String format;
    @Column(nullable = false, length = 16)
    private String task;
    @Column(name = "row_count", nullable = false)
    private int rows;
    @Column(name = "feature_count", nullable = false)
    private int features;
    @Column(name = "label_column", length = 200)
    private String labelColumn;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DatasetEntity() {
    }

    DatasetEntity(UUID id, String ownerId, String name, String format, String task, int rows, int features,
                  String labelColumn, Instant createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.format = format;
        this.task = task;
        this.rows = rows;
        this.features = features;
        this.labelColumn = labelColumn;
        this.createdAt = createdAt;
    }

    void storedAs(long sizeBytes, int chunkCount) {
        this.sizeBytes = sizeBytes;
        this.chunkCount = chunkCount;
    }

    UUID id() { return id; }
    String ownerId() { return ownerId; }
    String name() { return name; }
    String format() { return format; }
    String task() { return task; }
    int rows() { return rows; }
    int features() { return features; }
    String labelColumn() { return labelColumn; }
    long sizeBytes() { return sizeBytes; }
    int chunkCount() { return chunkCount; }
    Instant createdAt() { return createdAt; }
}
