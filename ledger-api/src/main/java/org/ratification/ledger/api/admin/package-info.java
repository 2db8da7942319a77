/**
 * Operating the read models: listing the event processors and their progress, rebuilding a read
 * model from the event store on request, and at start-up rebuilding every read model whose
 * declared version differs from the one it was built with.
 */
package org.ratification.ledger.api.admin;
