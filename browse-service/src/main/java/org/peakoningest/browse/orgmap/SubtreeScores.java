package org.peakoningest.browse.orgmap;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.peakoningest.browse.store.BrowseMongo;
import org.peakoningest.browse.store.Docs;
import org.peakoningest.common.PeakonCollection;
import org.springframework.stereotype.Component;

/**
 * Average answer score of every subtree of the org graph (for colouring), with the number of distinct respondents
 * behind it, so the caller can withhold what fewer than min-n people stand behind.
 */
@Component
class SubtreeScores {

    /** Sum and count of scored answers of one person or subtree, and its distinct respondents. */
    record Aggregate(double sum, long answers, int respondents) {
        Double mean() {
            return answers == 0 ? null : Math.round(sum / answers * 100) / 100.0;
        }
    }

    private final BrowseMongo mongo;

    SubtreeScores(BrowseMongo mongo) {
        this.mongo = mongo;
    }

    /** Every subtree's totals over the scored answers {@code which} selects (a category group or a driver, a window). */
    Map<String, Aggregate> compute(OrgGraph graph, Bson which) {
        Map<String, double[]> perPerson = new HashMap<>();
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.and(which, Filters.ne("attributes.answerScore", null))),
                new Document(
                        "$group",
                        new Document("_id", "$attributes.employeeId")
                                .append("sum", new Document("$sum", "$attributes.answerScore"))
                                .append("n", new Document("$sum", 1))));
        for (Document row : mongo.data(PeakonCollection.ANSWERS_EXPORT).aggregate(pipeline)) {
            Object id = row.get("_id");
            Double sum = Docs.number(row, "sum");
            Double n = Docs.number(row, "n");
            if (id != null && sum != null && n != null && n > 0) {
                double[] acc = perPerson.computeIfAbsent(id.toString(), k -> new double[2]);
                acc[0] += sum;
                acc[1] += n;
            }
        }
        return aggregate(graph, perPerson);
    }

    /** Bottom-up over the forest: every subtree's totals from its own and its reports' totals. */
    static Map<String, Aggregate> aggregate(OrgGraph graph, Map<String, double[]> perPerson) {
        Map<String, Aggregate> out = new HashMap<>();
        List<String> order = graph.topDown();
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            double[] own = perPerson.get(id);
            double sum = own == null ? 0 : own[0];
            long answers = own == null ? 0 : (long) own[1];
            int respondents = own == null ? 0 : 1;
            for (String c : graph.children(id)) {
                Aggregate child = out.get(c);
                sum += child.sum();
                answers += child.answers();
                respondents += child.respondents();
            }
            out.put(id, new Aggregate(sum, answers, respondents));
        }
        return out;
    }
}
