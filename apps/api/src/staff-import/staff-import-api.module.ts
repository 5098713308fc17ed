import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { STAFF_CSV_CONTENT_TYPES, STAFF_CSV_MAX_BYTES, StaffImportModule } from '@leerkring/people';
import { StaffImportController } from './staff-import.controller';

/** HTTP for the staff import: its own body parser (CSV as bytes, up to 10 MB) on its one route. */
@Module({
  imports: [StaffImportModule],
  controllers: [StaffImportController],
})
export class StaffImportApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(raw({ type: STAFF_CSV_CONTENT_TYPES, limit: STAFF_CSV_MAX_BYTES }))
      .forRoutes({ path: 'imports/staff', method: RequestMethod.POST, version: '1' });
  }
}
