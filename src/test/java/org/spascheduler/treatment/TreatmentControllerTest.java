package org.spascheduler.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.spascheduler.schedule.domain.TherapistLoad;
import org.spascheduler.web.NotFoundException;
import org.spascheduler.web.PageJson;
import org.spascheduler.web.UnprocessableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The treatments' web layer, standing for every record family's: paging, status codes, problem+json. */
@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = TreatmentController.class)
class TreatmentControllerTest {

    private static final String BODY = """
            {"id":"massage","name":"Massage","requiredSkill":"massage","load":"LOW","turnoverMinutes":10,
             "durationsMinutes":[60]}""";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private TreatmentService service;

    private static TreatmentJson massage(int version) {
        return new TreatmentJson("massage", "Massage", "massage", TherapistLoad.LOW, 10, List.of(60), Set.of(), null,
                version);
    }

    @Test
    void listsAPageInOurOwnShape() throws Exception {
        when(service.list(any())).thenReturn(new PageJson<>(List.of(massage(0)), 2, 10, 21, 3));

        mvc.perform(get("/api/treatments").param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value("massage"))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.totalElements").value(21))
                .andExpect(jsonPath("$.totalPages").value(3));

        var page = ArgumentCaptor.forClass(Pageable.class);
        verify(service).list(page.capture());
        assertThat(page.getValue().getPageNumber()).isEqualTo(2);
        assertThat(page.getValue().getPageSize()).isEqualTo(10);
    }

    @Test
    void pagesHoldFiftyUnlessAsked() throws Exception {
        when(service.list(any())).thenReturn(new PageJson<>(List.of(), 0, 50, 0, 0));

        mvc.perform(get("/api/treatments")).andExpect(status().isOk());

        var page = ArgumentCaptor.forClass(Pageable.class);
        verify(service).list(page.capture());
        assertThat(page.getValue().getPageSize()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({ "page, -1", "size, 0", "size, 501", "size, many" })
    void badPagingIs400NamingTheParameter(String parameter, String value) throws Exception {
        mvc.perform(get("/api/treatments").param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(parameter));

        verifyNoInteractions(service);
    }

    @Test
    void createIs201WithTheLocation() throws Exception {
        when(service.create(any())).thenReturn(massage(0));

        mvc.perform(post("/api/treatments").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/treatments/massage"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"name\":\"Massage\"|\"name\":\"\"|name",
            "[60]|[0]|durationsMinutes[0]",
            "\"id\":\"massage\"|\"id\":\"a b\"|id",
            "\"LOW\"|\"MEDIUM\"|load",
            "10|-5|turnoverMinutes" })
    void anInvalidBodyIs400NamingTheFieldAndNeverReachesTheService(String from, String to, String field)
            throws Exception {
        mvc.perform(post("/api/treatments").contentType(MediaType.APPLICATION_JSON).content(BODY.replace(from, to)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        verifyNoInteractions(service);
    }

    @Test
    void impossibleDataIs422() throws Exception {
        when(service.create(any())).thenThrow(new UnprocessableException("seriesDefault.maxDays", "is below"));

        mvc.perform(post("/api/treatments").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("seriesDefault.maxDays"));
    }

    @Test
    void updatePassesThePathIdAndAStaleVersionIs409() throws Exception {
        when(service.update(eq("massage"), any())).thenThrow(new OptimisticLockingFailureException("stale"));

        mvc.perform(put("/api/treatments/massage").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("}", ",\"version\":3}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("version"));
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        when(service.get("nothing")).thenThrow(new NotFoundException("treatment", "id", "nothing"));

        mvc.perform(get("/api/treatments/nothing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void deleteIs204AndPassesTheVersion() throws Exception {
        mvc.perform(delete("/api/treatments/massage").param("version", "4")).andExpect(status().isNoContent());

        verify(service).delete("massage", 4);
    }

    @Test
    void deletingWhatIsStillReferencedIs409() throws Exception {
        doThrow(new DataIntegrityViolationException("fk")).when(service).delete("massage", null);

        mvc.perform(delete("/api/treatments/massage")).andExpect(status().isConflict());
    }

    @Test
    void aBodyOfAnotherTypeIs415() throws Exception {
        mvc.perform(post("/api/treatments").contentType(MediaType.TEXT_PLAIN).content("massage"))
                .andExpect(status().isUnsupportedMediaType());

        verifyNoInteractions(service);
    }
}
