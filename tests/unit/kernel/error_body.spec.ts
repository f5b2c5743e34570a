import { test } from '@japa/runner'
import { errors as httpErrors } from '@adonisjs/core/http'
import { AppError } from '#kernel/index'
import { toErrorBody } from '#kernel/errors/error_body'
import { ValidationError } from '#kernel/validation/validation_error'

test.group('toErrorBody', () => {
  test('renders an AppError with its own status, code and details', ({ assert }) => {
    const rendered = toErrorBody(AppError.conflict('DUPLICATE_EMAIL', 'Email already in use', { field: 'email' }))
    assert.equal(rendered.status, 409)
    assert.deepEqual(rendered.body, { error: { code: 'DUPLICATE_EMAIL', message: 'Email already in use', details: { field: 'email' } } })
  })

  test('renders validation issues as 422 VALIDATION_FAILED with the issues as details', ({ assert }) => {
    const issues = [{ location: 'body' as const, field: 'name', rule: 'invalid_type', message: 'Expected string' }]
    const rendered = toErrorBody(new ValidationError(issues))
    assert.equal(rendered.status, 422)
    assert.equal(rendered.body.error.code, 'VALIDATION_FAILED')
    assert.deepEqual(rendered.body.error.details, issues)
  })

  test('renders an unknown route as 404 ROUTE_NOT_FOUND', ({ assert }) => {
    const rendered = toErrorBody(new httpErrors.E_ROUTE_NOT_FOUND(['GET', '/nowhere']))
    assert.equal(rendered.status, 404)
    assert.equal(rendered.body.error.code, 'ROUTE_NOT_FOUND')
  })

  test('renders a JSON syntax error from the body parser as 400 MALFORMED_JSON without echoing the body', ({ assert }) => {
    const error = Object.assign(new SyntaxError('Unexpected token'), { status: 400, body: '{"ssn":"123-45-6789"' })
    const rendered = toErrorBody(error)
    assert.equal(rendered.status, 400)
    assert.equal(rendered.body.error.code, 'MALFORMED_JSON')
    assert.notInclude(JSON.stringify(rendered.body), '123-45-6789')
  })

  test('keeps framework 4xx errors with the E_ prefix dropped from the code', ({ assert }) => {
    const error = Object.assign(new Error('Too many requests'), { status: 429, code: 'E_TOO_MANY_REQUESTS' })
    const rendered = toErrorBody(error)
    assert.equal(rendered.status, 429)
    assert.equal(rendered.body.error.code, 'TOO_MANY_REQUESTS')
  })

  test('hides the message of unexpected errors behind 500 INTERNAL_ERROR', ({ assert }) => {
    const rendered = toErrorBody(new Error('connection to 10.0.0.5 refused; patient Jane Doe'))
    assert.equal(rendered.status, 500)
    assert.equal(rendered.body.error.code, 'INTERNAL_ERROR')
    assert.notInclude(rendered.body.error.message, 'Jane')
    assert.notInclude(rendered.body.error.message, '10.0.0.5')
  })

  test('treats an AppError with a 5xx status as internal too', ({ assert }) => {
    const rendered = toErrorBody(AppError.unavailable('MAINTENANCE', 'Down for maintenance'))
    assert.equal(rendered.status, 503)
    assert.equal(rendered.body.error.code, 'MAINTENANCE')
  })
})
