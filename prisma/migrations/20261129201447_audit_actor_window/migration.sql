-- CreateIndex
CREATE INDEX "AuditEntry_action_actorUserId_occurredAt_idx" ON "AuditEntry"("action", "actorUserId", "occurredAt");

