package org.peakoningest.browse.scores;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.config.BrowseProperties;
import org.peakoningest.browse.people.EmployeeDirectory;
import org.peakoningest.browse.people.Person;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.browse.web.BadRequestException;
import org.peakoningest.browse.web.NotFoundException;
import org.peakoningest.browse.web.Params;
import org.peakoningest.browse.web.TextMatch;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;
import org.peakoningest.common.Timestamps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/scores/segments}: the scores Peakon computed for one department or sub-department segment
 * ({@code segment_scores}), the whole stored history in time order, each point with its participation and withheld
 * when fewer than {@code BROWSE_MIN_N} people responded.
 */
@RestController
@RequestMapping("/api/scores")
class SegmentScoresController {

    static final String DEPARTMENT = "department";
    static final String SUB_DEPARTMENT = "subDepartment";
    private static final Set<String> PARAMS = Set.of(DEPARTMENT, SUB_DEPARTMENT, "group", "category", "from", "to");
    /** How a segment score document names its segment: its envelope {@code endpoint} (see docs/fetcher.md). */
    private static final String ENDPOINT_PREFIX = "/scores/contexts/segment_";

    record SegmentRef(String id, String name, String attribute, String attributeId) {}

    record Participation(Integer responded, Integer total, Double rate) {}

    record Point(
            String key,
            String category,
            String group,
            Object time,
            String date,
            Double mean,
            Double nps,
            String grade,
            Participation participation,
            boolean withheld,
            String withheldReason) {}

    record SegmentScores(SegmentRef segment, int minN, int total, List<Point> points) {}

    private final BrowseMongo mongo;
    private final EmployeeDirectory directory;
    private final BrowseProperties properties;

    SegmentScoresController(BrowseMongo mongo, EmployeeDirectory directory, BrowseProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
    }

    @GetMapping("/segments")
    SegmentScores segmentScores(HttpServletRequest request) {
        Params p = Params.of(request.getParameterMap(), PARAMS);
        Optional<String> department = p.text(DEPARTMENT);
        Optional<String> subDepartment = p.text(SUB_DEPARTMENT);
        if (department.isPresent() == subDepartment.isPresent()) {
            throw new BadRequestException("give exactly one of department, subDepartment");
        }
        Optional<Instant> from = p.timeFrom("from").map(ScoreTime::bound);
        Optional<Instant> to = p.timeToExclusive("to").map(ScoreTime::bound);
        SegmentRef segment =
                department.isPresent() ? find(DEPARTMENT, department.get()) : find(SUB_DEPARTMENT, subDepartment.get());

        List<Bson> and = new ArrayList<>();
        String prefix = ENDPOINT_PREFIX + segment.id() + "/group/";
        and.add(p.text("group")
                .map(g -> Filters.eq(DocumentFields.ENDPOINT, prefix + g))
                .orElse(Filters.regex(DocumentFields.ENDPOINT, "^" + TextMatch.escape(prefix))));
        p.text("category").ifPresent(c -> and.add(Filters.eq("id", c)));
        List<Point> points = new ArrayList<>();
        for (Document doc : mongo.data(PeakonCollection.SEGMENT_SCORES)
                .find(Filters.and(and))
                .projection(Projections.include(
                        DocumentFields.ENDPOINT,
                        "id",
                        "attributes.scores",
                        "attributes.grade",
                        "attributes.participation"))) {
            Instant at = ScoreTime.instant(Docs.at(doc, ScoreTime.FIELD));
            if ((from.isPresent() && (at == null || at.isBefore(from.get())))
                    || (to.isPresent() && (at == null || !at.isBefore(to.get())))) {
                continue;
            }
            points.add(point(doc, at, prefix));
        }
        points.sort(Comparator.comparing((Point pt) -> pt.date() == null ? "~" : pt.date())
                .thenComparing(pt -> pt.category() == null ? "" : pt.category())
                .thenComparing(Point::key));
        return new SegmentScores(segment, properties.minN(), points.size(), points);
    }

    /** The segment a department / sub-department value stands for, or 404. */
    private SegmentRef find(String which, String value) {
        List<SegmentResolver.Segment> stored = new ArrayList<>();
        mongo.data(PeakonCollection.SEGMENTS)
                .find()
                .projection(Projections.include("id", "attributes.name", "relationships.attribute.data.id"))
                .forEach(d -> stored.add(new SegmentResolver.Segment(
                        Docs.text(d, "id"),
                        Docs.text(d, "attributes.name"),
                        Docs.text(d, "relationships.attribute.data.id"))));
        SegmentResolver resolver = new SegmentResolver(stored);
        Set<String> departments = new HashSet<>();
        Set<String> subDepartments = new HashSet<>();
        for (Person person : directory.everyone()) {
            if (person.department() != null) {
                departments.add(person.department());
            }
            if (person.subDepartment() != null) {
                subDepartments.add(person.subDepartment());
            }
        }
        Optional<String> departmentAttribute = resolver.attributeOf(departments, Optional.empty());
        Optional<String> attribute = which.equals(DEPARTMENT)
                ? departmentAttribute
                : resolver.attributeOf(subDepartments, departmentAttribute);
        String label = which.equals(DEPARTMENT) ? "department" : "sub-department";
        return attribute
                .flatMap(a -> resolver.segment(a, value))
                .map(s -> new SegmentRef(s.id(), s.name(), which, s.attributeId()))
                .orElseThrow(() -> new NotFoundException("no " + label + " segment of that name"));
    }

    private Point point(Document doc, Instant at, String prefix) {
        String endpoint = Docs.text(doc, DocumentFields.ENDPOINT);
        String group = endpoint != null && endpoint.startsWith(prefix) ? endpoint.substring(prefix.length()) : null;
        Integer responded = integer(Docs.at(doc, "attributes.participation.responded"));
        Integer total = integer(Docs.at(doc, "attributes.participation.total"));
        Double rate = Docs.number(doc, "attributes.participation.rate");
        if (rate == null && responded != null && total != null && total > 0) {
            rate = Math.round(responded * 1000.0 / total) / 1000.0;
        }
        int minN = properties.minN();
        String reason = responded == null
                ? "participation unknown: the number of respondents is not stored"
                : responded < minN ? "fewer than " + minN + " respondents" : null;
        boolean withheld = reason != null;
        return new Point(
                String.valueOf(doc.get("_id")),
                Docs.text(doc, "id"),
                group,
                Docs.at(doc, "attributes.scores.time"),
                at == null ? null : Timestamps.format(at),
                withheld ? null : Docs.number(doc, "attributes.scores.mean"),
                withheld ? null : Docs.number(doc, "attributes.scores.nps"),
                withheld ? null : Docs.text(doc, "attributes.grade"),
                withheld
                        ? new Participation(null, total != null && total >= minN ? total : null, null)
                        : new Participation(responded, total, rate),
                withheld,
                reason);
    }

    private static Integer integer(Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && s.trim().matches("[0-9]{1,9}")) {
            return Integer.parseInt(s.trim());
        }
        return null;
    }
}
