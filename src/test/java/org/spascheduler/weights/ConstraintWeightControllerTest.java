package org.spascheduler.weights;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spascheduler.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = ConstraintWeightController.class)
@ActiveProfiles("test")
class ConstraintWeightControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ConstraintWeightService service;

    @Test
    void aConstraintNameWithSpacesIsReadFromTheEncodedPath() throws Exception {
        when(service.get("Unfair workload")).thenReturn(new ConstraintWeightView("Unfair workload", "soft",
                "Spread work fairly", 1, 1, false, null));

        mvc.perform(get("/api/constraint-weights/{name}", "Unfair workload")).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("soft"));
    }

    @Test
    void anUnknownConstraintIs404() throws Exception {
        when(service.change(any(), any())).thenThrow(new NotFoundException("constraint", "constraint", "Nope"));

        mvc.perform(put("/api/constraint-weights/Nope").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weight\":3}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"weight\":-1}", "{}", "{\"weight\":\"heavy\"}", "{\"weight\":99999999999}",
            "{\"weight\":3,\"version\":\"x\"}", "" })
    void aBadWeightIs400NamingTheField(String body) throws Exception {
        mvc.perform(put("/api/constraint-weights/Unfair%20workload").contentType(MediaType.APPLICATION_JSON)
                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").isNotEmpty());
        verifyNoInteractions(service);
    }
}
