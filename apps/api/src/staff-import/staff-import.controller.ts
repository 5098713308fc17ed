import { Body, Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiException, ErrorCode } from '@leerkring/core';
import {
  CurrentActor,
  Roles,
  STAFF_CSV_CONTENT_TYPES,
  StaffImportQuery,
  StaffImportReportResponse,
  StaffImportService,
  type Actor,
  type AuthenticatedRequest,
} from '@leerkring/people';

@ApiTags('imports')
@Controller('imports/staff')
export class StaffImportController {
  constructor(private readonly staffImport: StaffImportService) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import staff from a CSV export (admin)',
    description:
      'People are upserted by email, memberships added per school; memberships not in the file are left alone. ' +
      'Rows with errors are reported with their line number and skipped; the other rows are imported. ' +
      'Semicolon, comma or tab separated, UTF-8 (with or without BOM) or Windows-1252, Dutch or English headers. ' +
      'At most 10 MB. See docs/staff-import.md.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The CSV file itself' })
  @ApiOkResponse({ type: StaffImportReportResponse })
  run(
    @CurrentActor() actor: Actor,
    @Query() query: StaffImportQuery,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<StaffImportReportResponse> {
    let file: Buffer;
    if (Buffer.isBuffer(body)) {
      file = body;
    } else if (request.is(STAFF_CSV_CONTENT_TYPES)) {
      file = Buffer.alloc(0); // a CSV content type without a body
    } else {
      throw new ApiException(415, ErrorCode.UnsupportedMediaType, 'Unsupported media type', {
        detail: 'Send the CSV file itself as the body, with Content-Type: text/csv.',
      });
    }
    return this.staffImport.import([file], {
      dryRun: query.dryRun === 'true' || query.dryRun === '1',
      defaultSchool: query.school,
      actor,
      requestId: request.id === undefined ? null : String(request.id),
    });
  }
}
