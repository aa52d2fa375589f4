package io.widrow.datasets;

import java.nio.ByteBuffer;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Paths that go through the engine's Generators and IdxReader; they pass once the engine is merged
 * (the placeholders in this branch throw UnsupportedOperationException).
 */
class EngineBackedDatasetTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "engine", true);
    }

    @Test
    void generateXor() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"xor\",\"samples\":200,\"noise\":0.1,\"seed\":42}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("generated"))
                .andExpect(jsonPath("$.name").value("xor-200"))
                .andExpect(jsonPath("$.rows").value(200))
                .andExpect(jsonPath("$.features").value(2));
    }

    @Test
    void idxPairUpload() throws Exception {
        int n = 5;
        int side = 4;
        ByteBuffer images = ByteBuffer.allocate(16 + n * side * side);
        images.putInt(0x00000803).putInt(n).putInt(side).putInt(side);
        for (int i = 0; i < n * side * side; i++) {
            images.put((byte) (i * 7));
        }
        ByteBuffer labels = ByteBuffer.allocate(8 + n);
        labels.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            labels.put((byte) (i % 3));
        }
        mvc.perform(multipart("/api/v1/datasets")
                        .file(new MockMultipartFile("images", "tiny-images.idx3-ubyte", null, images.array()))
                        .file(new MockMultipartFile("labels", "tiny-labels.idx1-ubyte", null, labels.array()))
                        .header(API_KEY, ADMIN_KEY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("idx"))
                .andExpect(jsonPath("$.rows").value(n))
                .andExpect(jsonPath("$.features").value(side * side))
                .andExpect(jsonPath("$.classes", hasSize(3)));
    }

    @Test
    void badIdxIs400() throws Exception {
        mvc.perform(multipart("/api/v1/datasets")
                        .file(new MockMultipartFile("images", "i.idx3-ubyte", null, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                        .file(new MockMultipartFile("labels", "l.idx1-ubyte", null, new byte[] {0, 0, 8, 1, 0, 0, 0, 0}))
                        .header(API_KEY, ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("image")));
    }
}
