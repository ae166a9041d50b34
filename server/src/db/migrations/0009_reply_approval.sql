ALTER TABLE "inbox_replies" DROP CONSTRAINT "inbox_replies_state_check";--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "approved" boolean;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD COLUMN "reply_approval" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD COLUMN "reply_approver_roles" text[] DEFAULT '{"approver"}' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_replies_pending_idx" ON "inbox_replies" USING btree ("org_id","created_at") WHERE "inbox_replies"."state" = 'pending_approval';--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_state_check" CHECK ("inbox_replies"."state" in ('pending_approval', 'rejected', 'sending', 'sent', 'failed'));