package org.peakoningest.simulator;

import org.peakoningest.testsupport.architecture.HouseRulesTest;

/**
 * The house rules (DEVELOPERS.md, "How we write code") on this module's production classes. The contract-names rule
 * does not apply: the simulator plays Peakon, whose vocabulary ({@code "type": "answers_export"}, the /_sim/stats
 * keys) it speaks without depending on the contract it is used to test.
 */
class ArchitectureTest extends HouseRulesTest {}
