package io.widrow.engine.train;

import io.widrow.engine.nn.Parameter;
import io.widrow.engine.optim.MomentumSchedule;
import io.widrow.engine.optim.Optimizer;
import io.widrow.engine.schedule.LearningRateSchedule;
import java.io.IOException;
import java.util.List;

/**
 * Everything a network run must save to continue bit-identically: weights and buffers, optimizer moments,
 * both schedules, the shuffle stream and permutation, early stopping's best copy, and where the loop
 * stands inside its epoch. The metrics history is not here: it grows with every epoch and the caller
 * already keeps it.
 */
final class TrainerState {
    static final String KIND = "mlp";

    private final List<Parameter> model;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final MomentumSchedule momentum;
    private final BatchOrder order;
    private final EarlyStopping early;

    /** {@code model} is every parameter and buffer; {@code early} may be null. */
    TrainerState(List<Parameter> model, List<Parameter> parameters, Optimizer optimizer, LearningRateSchedule schedule,
                 MomentumSchedule momentum, BatchOrder order, EarlyStopping early) {
        this.model = model;
        this.parameters = parameters;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.momentum = momentum;
        this.order = order;
        this.early = early;
    }

    /**
     * Where the loop stands: before batch row {@code from} of 0-based {@code epoch}. When {@code inEpoch} is
     * false the epoch has not begun (its order is not drawn yet) and the partial sums are zero.
     */
    record Position(int epoch, boolean inEpoch, int from, long step, double lossSum, long hits, double learningRate,
                    double[] gradSums, long elapsedNanos) {
        static Position epochStart(int epoch, long step, int layers) {
            return new Position(epoch, false, 0, step, 0, 0, 0, new double[layers], 0);
        }
    }

    TrainingCheckpoint save(Position at) {
        long values = 0;
        for (Parameter p : model) {
            values += p.value().length;
        }
        // The model and, for Adam, two moments per value; the batch order (twice if stratified); a little more.
        long expected = Float.BYTES * 3 * values + Integer.BYTES * 2L * order.order().length + 4096;
        byte[] bytes = CheckpointIo.encode(KIND, (int) Math.min(Integer.MAX_VALUE - 8, expected), out -> {
            out.writeInt(at.epoch());
            out.writeBoolean(at.inEpoch());
            out.writeInt(at.from());
            out.writeLong(at.step());
            out.writeDouble(at.lossSum());
            out.writeLong(at.hits());
            out.writeDouble(at.learningRate());
            out.writeLong(at.elapsedNanos());
            CheckpointIo.writeDoubles(out, at.gradSums());
            order.write(out);
            out.writeInt(model.size());
            for (Parameter p : model) {
                CheckpointIo.writeFloats(out, p.value());
            }
            optimizer.writeState(out);
            schedule.writeState(out);
            momentum.writeState(out);
            out.writeBoolean(early != null);
            if (early != null) {
                early.write(out);
            }
        });
        return new TrainingCheckpoint(at.epoch(), bytes);
    }

    /**
     * Mutates every object this state covers. On a {@link CheckpointException} they are left half-restored:
     * build the run again from scratch.
     */
    Position restore(TrainingCheckpoint checkpoint, int rows, int layers) {
        return CheckpointIo.decode(checkpoint.state(), KIND, in -> {
            int epoch = in.readInt();
            boolean inEpoch = in.readBoolean();
            int from = in.readInt();
            long step = in.readLong();
            double lossSum = in.readDouble();
            long hits = in.readLong();
            double lr = in.readDouble();
            long elapsed = in.readLong();
            double[] gradSums = new double[layers];
            CheckpointIo.readDoubles(in, gradSums, "the gradient sums");
            if (epoch != checkpoint.epoch() || from < 0 || from >= rows) {
                throw new IOException("position epoch " + epoch + ", row " + from + " does not fit " + rows + " rows");
            }
            order.read(in);
            int tensors = in.readInt();
            if (tensors != model.size()) {
                throw new IOException("the checkpoint has " + tensors + " tensors, the model " + model.size());
            }
            for (Parameter p : model) {
                CheckpointIo.readFloats(in, p.value(), p.name());
            }
            optimizer.readState(in, parameters);
            schedule.readState(in);
            momentum.readState(in);
            if (in.readBoolean() != (early != null)) {
                throw new IOException("the checkpoint disagrees on whether early stopping is on");
            }
            if (early != null) {
                early.read(in);
            }
            return new Position(epoch, inEpoch, from, step, lossSum, hits, lr, gradSums, elapsed);
        });
    }
}
