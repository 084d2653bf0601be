package org.peakoningest.common;

import org.peakoningest.testsupport.architecture.HouseRulesTest;

/** The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. */
class ArchitectureTest extends HouseRulesTest {}
