CREATE TABLE "inbox_cursors" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"cursor" text,
	"last_fetched_at" timestamp with time zone,
	"next_fetch_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "inbox_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"captured_by" uuid,
	"captured_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text NOT NULL,
	"author_id" text NOT NULL,
	"author_handle" text NOT NULL,
	"remote_url" text,
	"remote_created_at" timestamp with time zone NOT NULL,
	"snapshot_html" text NOT NULL,
	"raw" jsonb NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"remote_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"text" text NOT NULL,
	"author_id" text NOT NULL,
	"author_handle" text NOT NULL,
	"author_name" text,
	"author_url" text,
	"received_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"post_target_id" uuid,
	"root_remote_id" text,
	"parent_remote_id" text,
	"conversation_id" text,
	"classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"primary_class" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"response_ms" bigint,
	"overdue_notified_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"raw" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "inbox_items_kind_check" CHECK ("inbox_items"."kind" in ('reply', 'mention', 'message')),
	CONSTRAINT "inbox_items_status_check" CHECK ("inbox_items"."status" in ('open', 'answered', 'no_answer_needed', 'escalated'))
);
--> statement-breakpoint
CREATE TABLE "inbox_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid,
	"template_id" uuid,
	"text" text NOT NULL,
	"state" text DEFAULT 'sending' NOT NULL,
	"remote_id" text,
	"url" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "inbox_replies_state_check" CHECK ("inbox_replies"."state" in ('sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "inbox_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"workday_target_minutes" integer DEFAULT 180 NOT NULL,
	"weekend_target_minutes" integer DEFAULT 1440 NOT NULL,
	"netiquette_url" text,
	"crisis_procedure" text,
	"protected_channel" text,
	"poll_minutes" integer DEFAULT 5 NOT NULL,
	"extra_terms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_cursors" ADD CONSTRAINT "inbox_cursors_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_cursors" ADD CONSTRAINT "inbox_cursors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_evidence" ADD CONSTRAINT "inbox_evidence_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_evidence" ADD CONSTRAINT "inbox_evidence_item_id_inbox_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inbox_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_evidence" ADD CONSTRAINT "inbox_evidence_captured_by_users_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_post_target_id_post_targets_id_fk" FOREIGN KEY ("post_target_id") REFERENCES "public"."post_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_item_id_inbox_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inbox_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_replies" ADD CONSTRAINT "inbox_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_evidence_item_idx" ON "inbox_evidence" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_items_channel_remote_key" ON "inbox_items" USING btree ("channel_id","remote_id");--> statement-breakpoint
CREATE INDEX "inbox_items_org_list_idx" ON "inbox_items" USING btree ("org_id","priority" DESC NULLS LAST,"received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_items_org_status_idx" ON "inbox_items" USING btree ("org_id","status","priority" DESC NULLS LAST,"received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_items_org_assignee_idx" ON "inbox_items" USING btree ("org_id","assignee_id","status","priority" DESC NULLS LAST,"received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_items_org_channel_idx" ON "inbox_items" USING btree ("org_id","channel_id","priority" DESC NULLS LAST,"received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_items_org_class_idx" ON "inbox_items" USING btree ("org_id","primary_class","priority" DESC NULLS LAST,"received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_items_overdue_idx" ON "inbox_items" USING btree ("org_id","due_at") WHERE "inbox_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "inbox_items_thread_idx" ON "inbox_items" USING btree ("channel_id","root_remote_id");--> statement-breakpoint
CREATE INDEX "inbox_replies_item_idx" ON "inbox_replies" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "reply_templates_org_idx" ON "reply_templates" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "post_targets_remote_parts_idx" ON "post_targets" USING gin ("remote_parts");