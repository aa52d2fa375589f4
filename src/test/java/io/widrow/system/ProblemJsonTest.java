package io.widrow.system;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemJsonTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "problems", true);
    }

    @Test
    void everyInvalidGenerateFieldIsListedAtOnce() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"circles\",\"samples\":0,\"noise\":-1,\"seed\":-5,\"name\":\"" + "n".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("5 fields are invalid."))
                .andExpect(jsonPath("$.errors", hasSize(5)))
                .andExpect(jsonPath("$.errors[*].field", hasItems("kind", "samples", "noise", "seed", "name")));
    }

    @Test
    void missingRequiredFieldsAreListedToo() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("kind", "samples", "noise")));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"xor\",\"samples\":\"many\",\"noise\":0.1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Field 'samples' must be an integer."))
                .andExpect(jsonPath("$.errors[0].field").value("samples"));
    }

    @Test
    void wrongQueryParameterTypeIs400() throws Exception {
        mvc.perform(get("/api/v1/datasets").param("page", "first").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/datasets/not-a-uuid").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("a UUID")));
    }

    @Test
    void unknownPathIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void unknownDatasetIs404() throws Exception {
        mvc.perform(get("/api/v1/datasets/00000000-0000-0000-0000-000000000000").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void wrongMethodIs405() throws Exception {
        mvc.perform(put("/api/v1/datasets").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.TEXT_PLAIN).content("xor"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void noStackTracesLeak() throws Exception {
        mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("[1,2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at io.widrow"))));
    }
}
