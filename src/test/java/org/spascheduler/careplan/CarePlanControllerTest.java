package org.spascheduler.careplan;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spascheduler.web.PageJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = CarePlanController.class)
class CarePlanControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CarePlanService service;

    @Test
    void filtersByClient() throws Exception {
        when(service.list(any(), any())).thenReturn(new PageJson<>(List.of(), 0, 50, 0, 0));

        mvc.perform(get("/api/care-plans").param("clientId", "ines")).andExpect(status().isOk());

        verify(service).list(eq("ines"), any());
    }

    @Test
    void aClientIdThatCannotBeOneIs400() throws Exception {
        mvc.perform(get("/api/care-plans").param("clientId", "ines/plans"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("clientId"));
    }
}
