/**
 * The application layer: the questions Treaty answers, as typed requests and results that every
 * interface calls. The command line and the service only parse their input into these requests and
 * render the results; nothing here prints or knows about HTTP.
 *
 * <p>Design notes. One {@link dev.treaty.app.Workspace} opens an agreement and its facts, from files
 * or from a store, on two axes of time that mean the same everywhere:
 * <ul>
 *   <li><b>as known</b> ({@code --as-known K}): the documents signed by K and the facts known by K
 *       (an event's {@code recorded} instant or a revenue line's {@code recorded} column, else the
 *       end of its own date), whether they come from files or a store;</li>
 *   <li><b>as recorded</b> ({@code --as-recorded R}, a store only): what the store held at R, the
 *       axis an issued statement is reproduced on.</li>
 * </ul>
 * Bad input is a {@link dev.treaty.app.BadRequest} carrying every reason, never a half answer.
 */
package dev.treaty.app;
