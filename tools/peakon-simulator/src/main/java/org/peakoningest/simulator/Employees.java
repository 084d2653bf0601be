package org.peakoningest.simulator;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The synthetic staff: a manager tree with one root (the CEO), eight executives who each head a Department, and
 * below them a tree several levels deep. Held in memory (a few hundred bytes per employee), built from the seed.
 */
final class Employees {

    static final long FIRST_ID = 50_001L;
    static final List<String> LOCALES = List.of("en", "de", "fr", "es", "da");

    private static final String[] FIRST = {
        "Anna", "Lukas", "Sofia", "Mathias", "Camille", "Javier", "Freja", "Noah", "Emma", "Jonas", "Léa", "Mateo",
        "Ida", "Oliver", "Clara", "Hugo", "Lucía", "Magnus", "Zoé", "William", "Mia", "Felix", "Chloé", "Pablo",
        "Astrid", "Elias", "Inès", "Diego", "Sara", "Theo", "Nora", "Liam", "Jörg", "Amélie", "Søren", "Marta", "Ben",
        "Olivia", "Karim", "Yuki"
    };
    private static final String[] LAST = {
        "Müller",
        "Hansen",
        "García",
        "Dubois",
        "Smith",
        "Jensen",
        "Schmidt",
        "Martin",
        "López",
        "Nielsen",
        "Bernard",
        "Fernández",
        "Johnson",
        "Weber",
        "Pedersen",
        "Moreau",
        "Brown",
        "Fischer",
        "Sánchez",
        "Larsen",
        "Lefèvre",
        "Wagner",
        "Martínez",
        "Andersen",
        "Taylor",
        "Becker",
        "Roux",
        "Ruiz",
        "Kristensen",
        "Wilson",
        "Hoffmann",
        "Petit",
        "Díaz",
        "Rasmussen",
        "Davies",
        "Schulz",
        "Fournier",
        "Romero",
        "Sørensen",
        "O'Brien"
    };
    static final String[] DEPARTMENTS = {
        "Engineering", "Sales", "Marketing", "Finance", "People", "Operations", "Customer Success", "Legal"
    };
    private static final String[] SUB = {
        "Platform", "Enablement", "Analytics", "North", "South", "Strategy", "Operations", "Partnerships"
    };
    private static final LocalDate FIRST_START = LocalDate.of(2008, 1, 1);
    private static final LocalDate BORN = LocalDate.of(1960, 1, 1);
    /** The company attribute holding the birthday (browse's {@code BROWSE_BIRTHDAY_ATTRIBUTE} default). */
    static final String BIRTHDAY_ATTRIBUTE = "Date of Birth";
    /** What HR data holds instead of a date now and then: another format, an impossible day, a word, nothing. */
    private static final String[] MALFORMED = {"31/12/1985", "1990-02-30", "unknown", "", "1987-13-01"};

    /** {@code date} as ISO text, or (about 2 % of the time, by {@code h}) one of the {@link #MALFORMED} values. */
    private static String malformed(long h, String date) {
        return Rng.unit(h) < 0.02 ? MALFORMED[Rng.pick(Rng.next(h, 1), MALFORMED.length)] : date;
    }

    record Employee(
            int index,
            long id,
            String identifier,
            String firstName,
            String lastName,
            String email,
            String avatar,
            String employmentStart,
            String birthday,
            boolean external,
            String department,
            String subDepartment,
            int managerIndex,
            int level,
            String locale) {
        String idText() {
            return Long.toString(id);
        }
    }

    private final Employee[] all;

    Employees(long seed, int count) {
        all = new Employee[count];
        int[] parent = new int[count];
        int[] level = new int[count];
        String[] dept = new String[count];
        String[] sub = new String[count];
        for (int i = 0; i < count; i++) {
            long h = Rng.hash(seed, i, 11);
            if (i == 0) {
                parent[i] = -1;
                dept[i] = "Executive";
                sub[i] = "Leadership";
            } else if (i <= DEPARTMENTS.length) {
                parent[i] = 0;
                dept[i] = DEPARTMENTS[i - 1];
                sub[i] = dept[i] + " Leadership";
            } else {
                // parent in [(i-1)/6, (i-1)/3]: always an earlier employee (no cycles), 3..6 reports per manager
                parent[i] = Math.max(1, (i - 1) / (3 + Rng.pick(Rng.next(h, 1), 4)));
                dept[i] = dept[parent[i]];
                sub[i] = level[parent[i]] >= 2
                        ? sub[parent[i]]
                        : dept[i] + " " + SUB[Rng.pick(Rng.next(h, 2), SUB.length)];
            }
            level[i] = i == 0 ? 0 : level[parent[i]] + 1;
            String first = FIRST[Rng.pick(Rng.next(h, 3), FIRST.length)];
            String last = LAST[Rng.pick(Rng.next(h, 4), LAST.length)];
            long id = FIRST_ID + i;
            double localeDraw = Rng.unit(Rng.next(h, 5));
            String locale = localeDraw < 0.5 ? "en" : LOCALES.get(1 + Rng.pick(Rng.next(h, 6), 4));
            String start = malformed(
                    Rng.next(h, 10),
                    FIRST_START.plusDays(Rng.pick(Rng.next(h, 7), 6500)).toString());
            // Born 1960-2003 (working age over the crawl years); a few malformed values, as HR exports have.
            String birthday = malformed(
                    Rng.next(h, 12),
                    BORN.plusDays(Rng.pick(Rng.next(h, 13), 16_000)).toString());
            String avatar = Rng.unit(Rng.next(h, 8)) < 0.8
                    ? "https://cdn.peakon-simulator.invalid/avatars/" + id + ".png"
                    : null;
            all[i] = new Employee(
                    i,
                    id,
                    String.format("E%06d", i + 1),
                    first,
                    last,
                    ascii(first) + "." + ascii(last) + "." + (i + 1) + "@example-company.invalid",
                    avatar,
                    start,
                    birthday,
                    Rng.unit(Rng.next(h, 9)) < 0.04,
                    dept[i],
                    sub[i],
                    parent[i],
                    level[i],
                    locale);
        }
    }

    int size() {
        return all.length;
    }

    Employee get(int index) {
        return all[index];
    }

    int maxLevel() {
        int max = 0;
        for (Employee e : all) {
            max = Math.max(max, e.level());
        }
        return max;
    }

    /** One JSON:API {@code employees} resource. */
    void write(JsonGenerator g, int index) {
        Employee e = all[index];
        g.writeStartObject();
        g.writeStringProperty("type", "employees");
        g.writeStringProperty("id", e.idText());
        g.writeName("attributes");
        g.writeStartObject();
        g.writeStringProperty("identifier", e.identifier());
        g.writeStringProperty("firstName", e.firstName());
        g.writeStringProperty("lastName", e.lastName());
        g.writeStringProperty("name", e.firstName() + " " + e.lastName());
        g.writeStringProperty("email", e.email());
        g.writeStringProperty("avatar", e.avatar());
        g.writeStringProperty("employmentStart", e.employmentStart());
        g.writeBooleanProperty("external", e.external());
        g.writeStringProperty("Department", e.department());
        g.writeStringProperty("Sub-Department", e.subDepartment());
        g.writeStringProperty(BIRTHDAY_ATTRIBUTE, e.birthday());
        g.writeEndObject();
        g.writeName("relationships");
        g.writeStartObject();
        g.writeName("Manager");
        g.writeStartObject();
        g.writeName("data");
        if (e.managerIndex() < 0) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("type", "employees");
            g.writeStringProperty("id", all[e.managerIndex()].idText());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeName("account");
        g.writeStartObject();
        g.writeName("data");
        g.writeStartObject();
        g.writeStringProperty("type", "accounts");
        g.writeStringProperty("id", Long.toString(900_000L + e.index()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String ascii(String name) {
        String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("'", "");
        return n.toLowerCase(java.util.Locale.ROOT);
    }
}
