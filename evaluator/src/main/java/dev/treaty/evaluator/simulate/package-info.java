/**
 * Monte Carlo over revenue paths: a {@link dev.treaty.evaluator.simulate.Scenario} (read from YAML)
 * describes revenue per period as a random walk with a product and cloud mix and shocks; a
 * {@link dev.treaty.evaluator.simulate.Simulation} settles each path under one or more agreement
 * versions with the same settlement code the statements use, and summarises the runs.
 */
package dev.treaty.evaluator.simulate;
