package io.widrow.datasets;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** IDX request-shape checks that happen before the engine reader is called. */
class IdxPartsValidationTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "idxparts", true);
    }

    @Test
    void imagesWithoutLabelsIs400() throws Exception {
        mvc.perform(multipart("/api/v1/datasets")
                        .file(new MockMultipartFile("images", "i.idx3-ubyte", null, new byte[] {0, 0, 8, 3}))
                        .header(API_KEY, ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("labels"));
    }

    @Test
    void singleIdxFileInFilePartIs400() throws Exception {
        mvc.perform(upload(ADMIN_KEY, "i.idx3-ubyte", new byte[] {0, 0, 8, 3, 0, 0, 0, 1}))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("IDX")));
    }

    @Test
    void noPartsIs400() throws Exception {
        mvc.perform(multipart("/api/v1/datasets").param("name", "x").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
