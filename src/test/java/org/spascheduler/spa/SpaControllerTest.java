package org.spascheduler.spa;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spascheduler.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = SpaController.class)
class SpaControllerTest {

    private static final String BODY = """
            {"name":"Test spa","timeZone":"Europe/Brussels","grainMinutes":15,"highLoadRestMinutes":2880,
             "workRules":{"breakMinutes":30,"maxRunMinutes":180,"longDayMinutes":360,"compactGapMinutes":60}}""";

    private static final SpaJson SPA = new SpaJson("Test spa", "Europe/Brussels", 15, 2880,
            new WorkRulesJson(30, 180, 360, 60), List.of(), 0);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private SpaService service;

    @Test
    void noSpaYetIs404() throws Exception {
        when(service.get()).thenThrow(new NotFoundException("spa", "spa", Spa.ID));

        mvc.perform(get("/api/spa")).andExpect(status().isNotFound());
    }

    @Test
    void theFirstPutCreates() throws Exception {
        when(service.put(any())).thenReturn(new SpaService.Saved(SPA, true));

        mvc.perform(put("/api/spa").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void laterPutsReplace() throws Exception {
        when(service.put(any())).thenReturn(new SpaService.Saved(SPA, false));

        mvc.perform(put("/api/spa").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk());
    }

    @Test
    void aWorkRuleOutOfRangeIs400NamingIt() throws Exception {
        mvc.perform(put("/api/spa").contentType(MediaType.APPLICATION_JSON).content(BODY.replace("180", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("workRules.maxRunMinutes"));

        verifyNoInteractions(service);
    }
}
