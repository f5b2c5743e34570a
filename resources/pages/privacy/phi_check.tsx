import { useState } from 'react'
import { Head } from '@inertiajs/react'
import { Alert, Badge, Button, Card, Code, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'

type PhiCheckProps = {
  referenceData: { pack: string; version: string; builtIn: boolean }
  operators: string[]
  types: string[]
  maxTextChars: number
  canReidentify: boolean
}

type Span = { start: number; end: number; type: string; text: string; score: number; source: string }
type Detection = { phi: Span[]; redacted: string; engine: { rules: string; dictionaries: { pack: string; version: string }; ner: { name: string } | null } }
type Deidentified = { text: string; vaultId: string; operator: string; replaced: Record<string, number> }
type ApiError = { error: { code: string; message: string } }

const COLORS = ['red', 'orange', 'yellow', 'lime', 'green', 'teal', 'cyan', 'blue', 'indigo', 'violet', 'grape', 'pink']
const colorOf = (types: string[], type: string) => COLORS[types.indexOf(type) % COLORS.length]

/** JSON POST with the console session and its CSRF cookie; results never pass through the session. */
async function postJson<T>(url: string, body: object): Promise<T> {
  const xsrf = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/)?.[1]
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json', ...(xsrf ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {}) },
    body: JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${(json as ApiError).error.code}: ${(json as ApiError).error.message}`)
  return json as T
}

/** The text with its PHI spans highlighted (offsets are code points: index by code point). */
function Highlighted({ text, spans, types }: { text: string; spans: Span[]; types: string[] }) {
  const codePoints = Array.from(text)
  const parts: React.ReactNode[] = []
  let cursor = 0
  spans.forEach((span, index) => {
    parts.push(codePoints.slice(cursor, span.start).join(''))
    parts.push(
      <mark key={index} title={`${span.type} (${span.source}, ${span.score.toFixed(2)})`} data-phi-type={span.type} style={{ background: `var(--mantine-color-${colorOf(types, span.type)}-2)` }}>
        {codePoints.slice(span.start, span.end).join('')}
      </mark>
    )
    cursor = span.end
  })
  parts.push(codePoints.slice(cursor).join(''))
  return (
    <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="phi-highlighted">
      {parts}
    </Text>
  )
}

export default function PhiCheck({ referenceData, operators, types, maxTextChars, canReidentify }: PhiCheckProps) {
  const [text, setText] = useState('')
  const [operator, setOperator] = useState('tokenize')
  const [detection, setDetection] = useState<Detection | null>(null)
  const [deidentified, setDeidentified] = useState<Deidentified | null>(null)
  const [restored, setRestored] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const check = () =>
    run(async () => {
      setDetection(await postJson<Detection>('/phi/detect', { text }))
      setDeidentified(await postJson<Deidentified>('/phi/deidentify', { text, operator }))
      setRestored(null)
    })
  const reidentify = () =>
    run(async () => {
      const result = await postJson<{ text: string | null; values: { original: string }[] }>('/phi/reidentify', { vaultId: deidentified!.vaultId, text: deidentified!.text })
      setRestored(result.text ?? result.values.map((value) => value.original).join('\n'))
    })

  return (
    <ConsoleLayout title="PHI check">
      <Head title="PHI check" />
      {referenceData.builtIn ? (
        <Alert color="orange" title="Reduced recall" data-testid="reference-data-warning">
          No reference data pack is loaded: names, places and hospitals come from small built-in lists. An admin can load one with <Code>node ace reference:import DIR</Code>.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="reference-data">
          Reference data: {referenceData.pack} ({referenceData.version})
        </Text>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <Textarea
            label="Clinical text"
            description={`Up to ${maxTextChars.toLocaleString()} characters. Nothing is stored except the encrypted mapping of the de-identified result.`}
            autosize
            minRows={8}
            maxRows={24}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-testid="phi-text"
          />
          <Group>
            <Select label="Operator" data={operators} value={operator} onChange={(value) => value && setOperator(value)} allowDeselect={false} maw={200} data-testid="phi-operator" />
            <Button mt="lg" onClick={check} loading={busy} disabled={text.trim().length === 0} data-testid="phi-check">
              Check
            </Button>
          </Group>
          {error && (
            <Alert color="red" data-testid="phi-error">
              {error}
            </Alert>
          )}
        </Stack>
      </Card>
      {detection && (
        <Card withBorder>
          <Title order={4} mb="xs">
            PHI found: {detection.phi.length}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            Engine: {detection.engine.rules}, {detection.engine.dictionaries.pack} {detection.engine.dictionaries.version}
            {detection.engine.ner ? `, NER ${detection.engine.ner.name}` : ', no NER model'}
          </Text>
          <Highlighted text={text} spans={detection.phi} types={types} />
          <Table mt="sm" data-testid="phi-spans">
            <Table.Tbody>
              {detection.phi.map((span, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Badge color={colorOf(types, span.type)} tt="none">
                      {span.type}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{span.text}</Table.Td>
                  <Table.Td>{span.source}</Table.Td>
                  <Table.Td>{span.score.toFixed(2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {deidentified && (
        <Card withBorder>
          <Title order={4} mb="xs">
            De-identified ({deidentified.operator})
          </Title>
          <Text component="pre" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="phi-deidentified">
            {deidentified.text}
          </Text>
          <Group mt="sm">
            <Text size="xs" c="dimmed">
              Vault {deidentified.vaultId}
            </Text>
            {canReidentify && (
              <Button size="xs" variant="light" onClick={reidentify} loading={busy} data-testid="phi-reidentify">
                Re-identify (audited)
              </Button>
            )}
          </Group>
          {restored !== null && (
            <Text component="pre" mt="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="phi-restored">
              {restored}
            </Text>
          )}
        </Card>
      )}
    </ConsoleLayout>
  )
}
