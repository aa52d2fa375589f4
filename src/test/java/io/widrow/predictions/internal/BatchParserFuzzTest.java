package io.widrow.predictions.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.widrow.hostile.Mutator;
import io.widrow.models.LoadedModel;
import io.widrow.models.ModelFixtures;
import io.widrow.system.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Seeded mutations of valid predict bodies: each parses to a batch of the model's width or is a 4xx with a detail. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BatchParserFuzzTest {
    private static final int CASES = 3000;
    private static final long SEED = 6_2026L;

    @Test
    void everyMutatedBodyIsABatchOrA4xx() {
        JsonMapper mapper = JsonMapper.builder().build();
        BatchParser parser = new BatchParser(mapper, 50, 80);
        LoadedModel model = new LoadedModel(UUID.randomUUID(), "o", ModelFixtures.blobClassifier().model());
        String[] seeds = {"{\"inputs\":[[1,2],[3.5,-4e-3]]}", "{\"rows\":[{\"height\":1,\"weight\":2},{\"weight\":0,\"height\":-1}]}"};
        Mutator m = new Mutator(SEED);
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] seed = seeds[i % 2].getBytes(StandardCharsets.UTF_8);
            byte[] body = i % 3 == 0 ? mapper.writeValueAsBytes(m.mutate(mapper.readTree(seed))) : m.mutate(seed);
            try {
                RowBlocks batch = parser.parse(new ByteArrayInputStream(body), model);
                int values = 0;
                for (int b = 0; b < batch.blockCount(); b++) {
                    assertThat(batch.values(b)).hasSize(batch.rowsIn(b) * model.inputs());
                    for (float v : batch.values(b)) {
                        assertThat(Float.isFinite(v)).as("case %d", i).isTrue();
                    }
                    values += batch.values(b).length;
                }
                assertThat(values).isEqualTo(batch.rows() * model.inputs());
                parsed++;
            } catch (ApiException e) {
                if (!e.status().is4xxClientError() || e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("case %d (seed %d): %s for %s", i, SEED, e.status(), new String(body, StandardCharsets.UTF_8));
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw " + e + " for "
                        + new String(body, 0, Math.min(300, body.length), StandardCharsets.UTF_8), e);
            }
        }
        assertThat(parsed).isPositive();
    }
}
