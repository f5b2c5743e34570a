import { Head, router, useForm } from '@inertiajs/react'
import { Badge, Button, Card, Code, Group, Select, Spoiler, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { ConsoleLayout } from '~/layouts/console_layout'
import { ConfirmButton } from '~/components/confirm_button'

type ModelKind = 'gguf-llm' | 'gguf-embedding' | 'onnx-token-classification' | 'onnx-feature-extraction'
type ModelTask = 'chat' | 'coding-review' | 'phi-ner' | 'clinical-ner' | 'embeddings'

type ModelView = {
  id: number
  name: string
  kind: ModelKind
  path: string
  sizeBytes: number
  sha256: string
  version: string
  licence: string | null
  status: 'ready' | 'broken'
  statusReason: string | null
  verifiedAt: string
  createdAt: string
  tasks: ModelTask[]
}

type TaskView = { task: ModelTask; allowedKinds: ModelKind[]; model: string | null; modelStatus: 'ready' | 'broken' | null; engine: string }

type InferenceStatus = {
  mode: 'supervised' | 'remote'
  state: 'stopped' | 'starting' | 'running' | 'restarting' | 'failed'
  url: string | null
  pid: number | null
  restarts: number
  lastExit: { code: number | null; signal: string | null; at: string } | null
  lastError: string | null
}

type ModelsProps = { models: ModelView[]; tasks: TaskView[]; unregistered: string[]; inference: InferenceStatus; modelsPath: string }

const TASKS: ModelTask[] = ['chat', 'coding-review', 'phi-ner', 'clinical-ner', 'embeddings']
const FALLBACK = '__fallback__'

const formatBytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`

/** The model registry: which engine serves each AI task, installed models, the inference service. */
export default function Models({ models, tasks, unregistered, inference, modelsPath }: ModelsProps) {
  return (
    <ConsoleLayout title="Models">
      <Head title="Models" />
      <TasksCard tasks={tasks} models={models} />
      <Card withBorder padding={0}>
        <Group justify="space-between" p="md">
          <Title order={4}>Installed models</Title>
          <Button size="xs" variant="light" onClick={() => router.post('/admin/models/verify')} data-testid="verify-all-models">
            Verify all checksums
          </Button>
        </Group>
        <Table striped verticalSpacing="sm" horizontalSpacing="md" data-testid="models-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Tasks</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>sha256</Table.Th>
              <Table.Th>Verified</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {models.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" size="sm">
                    No models installed: every task runs on its built-in engine.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {models.map((model) => (
              <Table.Tr key={model.id} data-testid={`model-row-${model.name}`}>
                <Table.Td>
                  <Text size="sm">{model.name}</Text>
                  <Text size="xs" c="dimmed">
                    {model.path}
                  </Text>
                  {model.licence && (
                    <Spoiler maxHeight={0} showLabel="Licence" hideLabel="Hide licence">
                      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                        {model.licence}
                      </Text>
                    </Spoiler>
                  )}
                </Table.Td>
                <Table.Td>{model.kind}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {model.tasks.map((task) => (
                      <Badge key={task} size="xs" variant="outline" tt="none">
                        {task}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td data-testid="model-status">
                  {model.status === 'ready' ? (
                    <Badge color="green" tt="none">
                      Ready
                    </Badge>
                  ) : (
                    <Badge color="red" tt="none">
                      Broken
                    </Badge>
                  )}
                  {model.statusReason && (
                    <Text size="xs" c="red">
                      {model.statusReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatBytes(model.sizeBytes)}</Table.Td>
                <Table.Td>
                  <Code title={model.sha256}>{model.version}</Code>
                </Table.Td>
                <Table.Td>{new Date(model.verifiedAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => router.post(`/admin/models/${model.id}/verify`)} data-testid={`verify-model-${model.name}`}>
                      Verify
                    </Button>
                    <ConfirmButton
                      size="xs"
                      color="red"
                      variant="light"
                      title="Remove this model?"
                      message={`${model.name} is unregistered and its tasks return to their built-in engines. Its files stay in the models folder.`}
                      confirmLabel="Remove"
                      onConfirm={() => router.delete(`/admin/models/${model.id}`)}
                      testId={`remove-model-${model.name}`}
                    >
                      Remove
                    </ConfirmButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <AddModelCard unregistered={unregistered} modelsPath={modelsPath} />
      <InferenceCard inference={inference} />
    </ConsoleLayout>
  )
}

function TasksCard({ tasks, models }: { tasks: TaskView[]; models: ModelView[] }) {
  return (
    <Card withBorder padding={0}>
      <Title order={4} p="md">
        AI tasks
      </Title>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="tasks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Engine now</Table.Th>
            <Table.Th>Model</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => {
            const candidates = models.filter((model) => task.allowedKinds.includes(model.kind) && model.status === 'ready')
            return (
              <Table.Tr key={task.task} data-testid={`task-row-${task.task}`}>
                <Table.Td>{task.task}</Table.Td>
                <Table.Td data-testid="task-engine">
                  {task.model && task.modelStatus === 'ready' ? (
                    <Badge color="green" tt="none">
                      {task.engine}
                    </Badge>
                  ) : (
                    <Badge color="gray" tt="none">
                      built-in: {task.engine}
                    </Badge>
                  )}
                  {task.modelStatus === 'broken' && (
                    <Text size="xs" c="red">
                      {task.model} is broken
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    maw={280}
                    allowDeselect={false}
                    data={[{ value: FALLBACK, label: 'Built-in (no model)' }, ...candidates.map((model) => ({ value: String(model.id), label: model.name }))]}
                    value={task.model ? String(models.find((model) => model.name === task.model)?.id ?? FALLBACK) : FALLBACK}
                    onChange={(value) => value && router.post('/admin/models/tasks', { task: task.task, modelId: value === FALLBACK ? null : Number(value) })}
                    data-testid={`assign-${task.task}`}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Card>
  )
}

function AddModelCard({ unregistered, modelsPath }: { unregistered: string[]; modelsPath: string }) {
  const form = useForm<{ path: string; name: string; task: string }>({ path: '', name: '', task: '' })
  const errors = form.errors as Record<string, string | undefined>
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Add a model
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Copy a <Code>.gguf</Code> file or an ONNX model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) into <Code>{modelsPath}</Code>,
        then add it here. Nothing is downloaded.
      </Text>
      <form
        data-testid="add-model-form"
        onSubmit={(event) => {
          event.preventDefault()
          form.transform((data) => ({ path: data.path, ...(data.name ? { name: data.name } : {}), ...(data.task ? { task: data.task } : {}) }))
          form.post('/admin/models', { onSuccess: () => form.reset() })
        }}
      >
        <Stack gap="sm" maw={480}>
          <Select
            label="File or folder"
            placeholder={unregistered.length ? 'Choose' : 'Nothing new in the models folder'}
            data={unregistered}
            searchable
            value={form.data.path || null}
            onChange={(value) => form.setData('path', value ?? '')}
            error={errors.path}
            data-testid="add-model-path"
          />
          <TextInput label="Name (optional)" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={errors.name} />
          <Select
            label="Task (optional)"
            clearable
            data={TASKS}
            value={form.data.task || null}
            onChange={(value) => form.setData('task', value ?? '')}
            error={errors.task}
            data-testid="add-model-task"
          />
          <Group>
            <Button type="submit" loading={form.processing} disabled={!form.data.path}>
              Add model
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function InferenceCard({ inference }: { inference: InferenceStatus }) {
  const color = inference.state === 'running' ? 'green' : inference.state === 'stopped' ? 'gray' : inference.state === 'failed' ? 'red' : 'yellow'
  return (
    <Card withBorder data-testid="inference-status">
      <Title order={4} mb="xs">
        Inference service
      </Title>
      <Group gap="sm">
        <Badge color={color}>{inference.state}</Badge>
        <Text size="sm">{inference.mode === 'supervised' ? 'Child process of this server, started when a model is first used' : `Remote: ${inference.url}`}</Text>
      </Group>
      <Text size="sm" mt="xs">
        Restarts after a crash: {inference.restarts}
        {inference.pid ? ` · pid ${inference.pid}` : ''}
        {inference.lastExit ? ` · last exit ${inference.lastExit.signal ?? `code ${inference.lastExit.code}`} at ${new Date(inference.lastExit.at).toLocaleString()}` : ''}
      </Text>
      {inference.lastError && (
        <Text size="sm" c="red">
          {inference.lastError}
        </Text>
      )}
    </Card>
  )
}
