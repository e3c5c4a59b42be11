import { Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AreaPicker } from '../../components/AreaPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCurrentUser } from '../auth/session.ts';
import {
  type ImportFormat,
  type Inspection,
  importFormats,
  templateUrl,
  useInspect,
  useStartImport,
} from './api.ts';
import { ColumnMapping, REQUIRED } from './ColumnMapping.tsx';
import { FileDrop } from './FileDrop.tsx';

/** Choose the file, its format and its subdistrict; for other spreadsheets, match the columns; then check it. */
export function UploadForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const own = user.areaCodes.find((c) => c.length >= 6);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('toemsuk-persons');
  const [areaCode, setAreaCode] = useState<string | null>(own ? own.slice(0, 6) : null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<{ file?: string; area?: string; mapping?: string }>({});
  const inspect = useInspect();
  const start = useStartImport();

  function read(f: File | null, fmt: ImportFormat) {
    setInspection(null);
    setMapping({});
    if (!f || fmt !== 'mapped') return;
    inspect.mutate(f, {
      onSuccess: (result) => {
        setInspection(result);
        setMapping(result.suggestedMapping);
      },
    });
  }

  function submit() {
    const problems = {
      file: file ? undefined : t('imports.noFile'),
      area: areaCode && areaCode.length === 6 ? undefined : t('validation.subdistrictCode'),
      mapping:
        format === 'mapped' && (!inspection || REQUIRED.some((k) => !mapping[k]))
          ? t('imports.mappingRequired')
          : undefined,
    };
    setErrors(problems);
    if (!file || !areaCode || problems.area || problems.mapping) return;
    start.mutate(
      { file, format, areaCode, mapping: format === 'mapped' ? mapping : undefined },
      { onSuccess: (job) => navigate(`/imports/${job.id}`) },
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="import-step1">
          <Title order={2} size="h4" id="import-step1" mb="sm">
            {t('imports.step1')}
          </Title>
          <Stack gap="md">
            <FileDrop
              file={file}
              onFile={(f) => {
                setFile(f);
                setErrors((e) => ({ ...e, file: undefined }));
                read(f, format);
              }}
              error={errors.file}
            />
            <Radio.Group
              label={t('imports.format')}
              required
              value={format}
              onChange={(v) => {
                const next = importFormats.find((x) => x === v) ?? 'toemsuk-persons';
                setFormat(next);
                read(file, next);
              }}
            >
              <Stack gap="xs" mt="xs">
                {importFormats.map((f) => (
                  <Radio key={f} value={f} label={t(`imports.formats.${f}`)} size="md" />
                ))}
              </Stack>
            </Radio.Group>
            <AreaPicker
              label={t('imports.area')}
              description={t('imports.areaHint')}
              required
              value={areaCode}
              onChange={(code) => {
                setAreaCode(code && code.length === 8 ? code.slice(0, 6) : code);
                setErrors((e) => ({ ...e, area: undefined }));
              }}
              error={errors.area}
            />
            <div>
              <Text fw={500} size="sm" mb={4}>
                {t('imports.templates')}
              </Text>
              <Group gap="md">
                <Anchor href={templateUrl('csv')} download className="touch">
                  {t('imports.templateCsv')}
                </Anchor>
                <Anchor href={templateUrl('xlsx')} download className="touch">
                  {t('imports.templateXlsx')}
                </Anchor>
              </Group>
            </div>
          </Stack>
        </Paper>
        {format === 'mapped' && file && (
          <Paper withBorder p="md" component="section" aria-labelledby="import-step2">
            <Title order={2} size="h4" id="import-step2" mb="sm">
              {t('imports.step2')}
            </Title>
            {inspect.isPending ? (
              <Text role="status">{t('imports.job.waiting')}</Text>
            ) : inspect.error ? (
              <Stack gap="sm">
                <ErrorAlert error={inspect.error} />
                <Group>
                  <Button variant="default" onClick={() => read(file, format)}>
                    {t('imports.readFile')}
                  </Button>
                </Group>
              </Stack>
            ) : inspection ? (
              <ColumnMapping
                inspection={inspection}
                mapping={mapping}
                onChange={setMapping}
                error={errors.mapping}
              />
            ) : null}
          </Paper>
        )}
        {start.error && <ErrorAlert error={start.error} />}
        <Group>
          <Button type="submit" size="md" loading={start.isPending}>
            {t('imports.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
