import { Module } from '@nestjs/common';
import { PeopleModule } from '../people.module';
import { StaffImportService } from './staff-import.service';

/** The staff import (CSV), for the API's endpoint and the CLI's `import:staff`. */
@Module({
  imports: [PeopleModule],
  providers: [StaffImportService],
  exports: [StaffImportService],
})
export class StaffImportModule {}
