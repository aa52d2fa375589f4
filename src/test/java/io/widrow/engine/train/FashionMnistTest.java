package io.widrow.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.IdxReader;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The course's image example; skipped where Debian's dataset-fashion-mnist is not installed. */
class FashionMnistTest {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void mlpWithAdamReachesEightyFivePercentAfterThreeEpochsOnTwentyThousandImages() throws Exception {
        assumeTrue(Files.isReadable(DIR.resolve("train-images-idx3-ubyte.gz")), "dataset-fashion-mnist is not installed");
        Dataset train = IdxReader.read(DIR.resolve("train-images-idx3-ubyte.gz"), DIR.resolve("train-labels-idx1-ubyte.gz"), 20_000);
        Dataset test = IdxReader.read(DIR.resolve("t10k-images-idx3-ubyte.gz"), DIR.resolve("t10k-labels-idx1-ubyte.gz"), 10_000);
        assertThat(train.rows()).isEqualTo(20_000);
        // Constant-rate Adam at 1e-3 lands at 0.846-0.852 here, in Widrow and in PyTorch alike (measured,
        // four seeds each): the bar sits on the recipe's noise. Annealing the rate over the run is the
        // usual cure and gives 0.86 in PyTorch on every seed tried.
        TrainingSpec spec = Specs.training(3, 128, OptimizerSpec.of("adam", 2e-3), ScheduleSpec.cosine(0, 1, 0), 42);
        TrainingOutcome out = Training.run(Specs.reluMlp(true, 256, 128), spec, train, test, TrainingListener.NONE, () -> false);
        assertThat(out.result().history()).hasSize(3);
        assertThat(CourseAcceptanceTest.accuracy(out, test)).isGreaterThanOrEqualTo(0.85);
    }
}
