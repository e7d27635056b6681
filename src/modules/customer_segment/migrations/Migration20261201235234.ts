import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201235234 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_segment_refresh_run" drop constraint if exists "customer_segment_refresh_run_trigger_check";`);

    this.addSql(`alter table if exists "customer_segment_refresh_run" add constraint "customer_segment_refresh_run_trigger_check" check("trigger" in ('manual', 'saved', 'schedule', 'backfill', 'dependency'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_segment_refresh_run" drop constraint if exists "customer_segment_refresh_run_trigger_check";`);

    this.addSql(`alter table if exists "customer_segment_refresh_run" add constraint "customer_segment_refresh_run_trigger_check" check("trigger" in ('manual', 'saved', 'schedule', 'backfill'));`);
  }

}
