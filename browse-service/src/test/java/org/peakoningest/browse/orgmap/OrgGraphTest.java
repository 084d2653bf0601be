package org.peakoningest.browse.orgmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peakoningest.browse.people.Person;

class OrgGraphTest {

    private static Person p(String id, String manager) {
        return new Person(id, "Name " + id, id + "@example.invalid", "E" + id, "Dept", "Sub", manager, false, null);
    }

    @Test
    void cleanTreeHasDepthsDirectReportsAndSubtreeSizes() {
        OrgGraph g = OrgGraph.build(List.of(p("1", null), p("2", "1"), p("3", "1"), p("4", "2"), p("5", "4")));

        assertThat(g.roots()).containsExactly("1");
        assertThat(g.node("1").subtreeSize()).isEqualTo(5);
        assertThat(g.node("1").directReports()).isEqualTo(2);
        assertThat(g.node("5").depth()).isEqualTo(3);
        assertThat(g.pathToTop("5")).containsExactly("5", "4", "2", "1");
        assertThat(g.subtree("2", 1)).containsExactly("2", "4");
        assertThat(g.orphans()).isEmpty();
        assertThat(g.cycles()).isEmpty();
    }

    @Test
    void orphanBecomesFlaggedRootAndIsReported() {
        OrgGraph g = OrgGraph.build(List.of(p("1", null), p("2", "1"), p("7", "999"), p("8", "7")));

        assertThat(g.orphans()).containsExactly(new OrgGraph.Orphan("7", "999"));
        assertThat(g.roots()).contains("1", "7");
        assertThat(g.node("7").orphan()).isTrue();
        assertThat(g.node("7").subtreeSize()).isEqualTo(2);
        assertThat(g.node("8").depth()).isEqualTo(1);
    }

    @Test
    void cyclesAreReportedAndBrokenSoNothingLoops() {
        // 10 -> 11 -> 12 -> 10 is a cycle with a tail 13 -> 12; 20 manages itself
        OrgGraph g = OrgGraph.build(
                List.of(p("10", "12"), p("11", "10"), p("12", "11"), p("13", "12"), p("20", "20"), p("1", null)));

        assertThat(g.cycles()).containsExactlyInAnyOrder(List.of("10", "11", "12"), List.of("20"));
        assertThat(g.roots()).containsExactlyInAnyOrder("1", "10", "20");
        assertThat(g.node("10").cycleBreak()).isTrue();
        assertThat(g.node("11").inCycle()).isTrue();
        assertThat(g.node("13").inCycle()).isFalse();
        assertThat(g.node("10").subtreeSize()).isEqualTo(4);
        assertThat(g.pathToTop("13")).containsExactly("13", "12", "11", "10");
        assertThat(g.size()).isEqualTo(6);
    }

    @Test
    void duplicateIdsKeepTheFirstAndAreReported() {
        OrgGraph g = OrgGraph.build(List.of(
                p("1", null), p("5", "1"), new Person("5", "Other", null, null, null, null, null, false, null)));

        assertThat(g.duplicates()).containsExactly(new OrgGraph.Duplicate("5", 2));
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.node("5").person().name()).isEqualTo("Name 5");
    }

    @Test
    void deepChainAndWideTreeAreWalkedWithoutRecursion() {
        List<Person> chain = new ArrayList<>();
        chain.add(p("0", null));
        for (int i = 1; i < 50_000; i++) {
            chain.add(p(Integer.toString(i), Integer.toString(i - 1)));
        }
        OrgGraph g = OrgGraph.build(chain);

        assertThat(g.maxDepth()).isEqualTo(49_999);
        assertThat(g.node("0").subtreeSize()).isEqualTo(50_000);
        assertThat(g.pathToTop("49999")).hasSize(50_000);
    }

    @Test
    void subtreeScoresAddUpAndCountDistinctRespondents() {
        OrgGraph g = OrgGraph.build(List.of(p("1", null), p("2", "1"), p("3", "1"), p("4", "3")));
        Map<String, SubtreeScores.Aggregate> agg =
                SubtreeScores.aggregate(g, Map.of("2", new double[] {16, 2}, "4", new double[] {6, 1}));

        assertThat(agg.get("1")).isEqualTo(new SubtreeScores.Aggregate(22, 3, 2));
        assertThat(agg.get("3").mean()).isEqualTo(6.0);
        assertThat(agg.get("1").mean()).isEqualTo(7.33);
    }
}
