package org.peakoningest.browse.people;

/**
 * The directory view of one {@code employees} document.
 *
 * @param id        the employee id as text ({@code _id} of the document; numeric ids in decimal)
 * @param managerId {@code relationships.Manager.data.id}, or null for nobody
 */
public record Person(
        String id,
        String name,
        String email,
        String identifier,
        String department,
        String subDepartment,
        String managerId) {}
