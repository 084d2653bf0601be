package org.peakoningest.browse;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.peakoningest.common.DocumentFields;
import org.peakoningest.common.PeakonCollection;

/**
 * Documents in the writer's shape (raw Peakon item + {@code _id}, {@code fetched_at}, {@code run_id},
 * {@code endpoint}, {@code source_url}), for the ITs to seed. The browse service itself never writes.
 */
public final class SeedData {

    public static final String RUN = "0b7c3c1e-6f35-4a70-9d0e-000000000001";
    public static final String FETCHED_AT = "2026-11-23T03:00:01.000000Z";

    private SeedData() {}

    public static Document employee(Object id, String name, String department, String subDepartment, String managerId) {
        Document attributes = new Document("identifier", "E" + id)
                .append("firstName", name.split(" ")[0])
                .append("lastName", name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : "")
                .append("name", name)
                .append("email", name.toLowerCase().replace(' ', '.') + "@example-company.invalid")
                .append("Department", department)
                .append("Sub-Department", subDepartment);
        Document manager = new Document(
                "data", managerId == null ? null : new Document("type", "employees").append("id", managerId));
        return meta(
                new Document("_id", id)
                        .append("type", "employees")
                        .append("id", id.toString())
                        .append("attributes", attributes)
                        .append("relationships", new Document("Manager", manager)),
                "/employees");
    }

    public static Document answer(
            int answerId,
            int employeeId,
            int questionId,
            String questionText,
            String categoryGroup,
            Integer score,
            String comment,
            String answeredAt) {
        Document attributes = new Document("answerId", answerId)
                .append("answerScore", score)
                .append("answerComment", comment)
                .append("answerText", score == null ? comment : null)
                .append("questionId", questionId)
                .append("questionText", questionText)
                .append("questionType", score == null ? "text" : "scale")
                .append("categoryGroup", categoryGroup)
                .append("employeeId", employeeId)
                .append("accountEmail", "employee." + employeeId + "@example-company.invalid")
                .append("responseAnsweredAt", answeredAt)
                .append("roundId", 7001);
        return meta(
                new Document("_id", answerId)
                        .append("type", "answers_export")
                        .append("id", Integer.toString(answerId))
                        .append("attributes", attributes),
                "/answers/export");
    }

    /**
     * A {@code scores_contexts} / {@code scores_by_driver} document. {@code time} is stored as given: Peakon sends
     * epoch seconds (a number); an ISO string stands for older data or another API shape.
     */
    public static Document score(
            String group, String category, Object time, String grade, String impact, double mean, String driverId) {
        Document attributes = new Document("grade", grade)
                .append("impact", impact)
                .append("source", "automatic")
                .append(
                        "scores",
                        new Document("mean", mean)
                                .append("nps", (int) (mean * 10) - 50)
                                .append("time", time))
                .append("observations", List.of())
                .append("participation", new Document("participants", 400).append("responses", 300));
        Document doc = new Document("_id", (driverId != null ? driverId : group) + "::" + category + "::" + time)
                .append("type", "category_scores")
                .append("id", category)
                .append("attributes", attributes);
        if (driverId != null) {
            doc.append(DocumentFields.DRIVER_ID, driverId);
        }
        return meta(doc, "/scores/contexts/company_1/group/" + group);
    }

    /** A {@code segments} document: an option segment of attribute {@code attributeId}, or a manager's (null). */
    public static Document segment(String id, String name, String attributeId) {
        Document relationships = attributeId == null
                ? new Document("manager", new Document("data", new Document("type", "employees").append("id", "1")))
                : new Document(
                        "attribute",
                        new Document("data", new Document("type", "attributes").append("id", attributeId)));
        return meta(
                new Document("_id", id)
                        .append("type", "segments")
                        .append("id", id)
                        .append(
                                "attributes",
                                new Document("name", name)
                                        .append("type", attributeId == null ? "employee" : "option")
                                        .append("contextId", "segment_" + id)
                                        .append("direct", false))
                        .append("relationships", relationships),
                "/segments");
    }

    /**
     * A {@code segment_scores} document (a {@code category_scores} item fetched with {@code participation=true}):
     * {@code time} in epoch seconds as Peakon sends it; {@code responded} null leaves participation out.
     */
    public static Document segmentScore(
            String segmentId, String group, String category, long time, double mean, Integer responded, int total) {
        Document attributes = new Document("grade", mean >= 8 ? "good" : "average")
                .append("impact", "medium")
                .append(
                        "scores",
                        new Document("mean", mean)
                                .append("nps", (int) (mean * 10) - 50)
                                .append("time", time));
        if (responded != null) {
            attributes.append(
                    "participation",
                    new Document("responded", responded)
                            .append("total", total)
                            .append("rate", Math.round(responded * 1000.0 / total) / 1000.0));
        }
        return meta(
                new Document("_id", group + "::segment_" + segmentId + "::" + category + "::" + time)
                        .append("type", "category_scores")
                        .append("id", category)
                        .append("attributes", attributes),
                "/scores/contexts/segment_" + segmentId + "/group/" + group);
    }

    private static Document meta(Document doc, String endpoint) {
        return doc.append(DocumentFields.FETCHED_AT, FETCHED_AT)
                .append(DocumentFields.RUN_ID, RUN)
                .append(DocumentFields.ENDPOINT, endpoint)
                .append(DocumentFields.SOURCE_URL, "https://sim.invalid/api/v1" + endpoint);
    }

    public static void insert(MongoDatabase db, PeakonCollection collection, List<Document> docs) {
        db.getCollection(collection.collectionName()).drop();
        for (int i = 0; i < docs.size(); i += 1000) {
            db.getCollection(collection.collectionName())
                    .insertMany(new ArrayList<>(docs.subList(i, Math.min(docs.size(), i + 1000))));
        }
    }
}
