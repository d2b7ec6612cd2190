-- CreateIndex
CREATE INDEX "Person_createdByOrganizationId_idx" ON "Person"("createdByOrganizationId");

-- CreateIndex
CREATE INDEX "Diagnosis_authorOrganizationId_idx" ON "Diagnosis"("authorOrganizationId");

-- CreateIndex
CREATE INDEX "Pass_snapshot_idx" ON "Pass" USING GIN ("snapshot" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "ProlongationRequest_employerId_state_idx" ON "ProlongationRequest"("employerId", "state");

