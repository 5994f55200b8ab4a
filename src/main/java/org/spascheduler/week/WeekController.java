package org.spascheduler.week;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.spascheduler.web.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Weeks of the spa as whole documents. The import's body is validated by the service, not with {@code @Valid} here,
 * so that an import over HTTP and the demo loaded on a first start are judged by the same code.
 */
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/weeks")
class WeekController {

    private final WeekService weeks;

    WeekController(WeekService weeks) {
        this.weeks = weeks;
    }

    @GetMapping
    List<WeekSummary> weeks() {
        return weeks.weeks();
    }

    @GetMapping("/{weekStart}/export")
    WeekDocument export(@PathVariable LocalDate weekStart) {
        return weeks.export(weekStart);
    }

    /** 201 when the import added anything, 200 when it only replaced stored records. */
    @PostMapping("/import")
    ResponseEntity<WeekImportResult> importWeek(@RequestBody WeekDocument document, HttpServletRequest request) {
        var result = weeks.importWeek(document, Actors.of(request));
        var status = result.inserted().total() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(URI.create("/api/weeks/" + result.weekStart() + "/export"))
                .body(result);
    }
}
