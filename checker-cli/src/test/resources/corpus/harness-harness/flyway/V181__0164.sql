CREATE INDEX idx_webhook_executions_trigger_id
    ON webhook_executions(webhook_execution_trigger_id);
