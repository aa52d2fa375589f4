package io.widrow.datasets;

import java.util.UUID;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(DatasetInUseTest.EverythingInUse.class)
class DatasetInUseTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "inuse", true);
    }

    @TestConfiguration
    static class EverythingInUse {
        @Bean
        DatasetUsage everythingInUse() {
            return (UUID id) -> true;
        }
    }

    @Test
    void deletingADatasetAJobUsesIsAConflict() throws Exception {
        String id = body(mvc.perform(upload(ADMIN_KEY, "d.csv", "a,y\n1,p\n2,q\n")).andReturn()).get("id").asString();
        mvc.perform(delete("/api/v1/datasets/" + id).header(API_KEY, ADMIN_KEY)).andExpect(status().isConflict());
    }
}
