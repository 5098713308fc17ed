import { Module } from '@nestjs/common';
import { IntervisionModule } from '@leerkring/intervision';
import { IntervisionController } from './intervision.controller';

/** HTTP for intervision groups, series, meetings, case presenters, attendance and the common-slot finder. */
@Module({
  imports: [IntervisionModule],
  controllers: [IntervisionController],
})
export class IntervisionApiModule {}
