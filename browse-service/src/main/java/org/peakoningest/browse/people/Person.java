package org.peakoningest.browse.people;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The directory view of one {@code employees} document.
 *
 * @param id          the employee id as text ({@code _id} of the document; numeric ids in decimal)
 * @param managerId   {@code relationships.Manager.data.id}, or null for nobody
 * @param left        the writer marked the person as having left ({@code present: false}): a complete crawl of
 *                    Peakon's employees no longer listed them (issue #14)
 * @param absentSince with {@code left}: the start of the first complete crawl that missed them ({@code
 *                    absent_since}); null otherwise
 */
public record Person(
        String id,
        String name,
        String email,
        String identifier,
        String department,
        String subDepartment,
        String managerId,
        boolean left,
        @JsonInclude(JsonInclude.Include.NON_NULL) String absentSince) {}
