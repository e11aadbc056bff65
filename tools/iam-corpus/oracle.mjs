// Runs a Heiiki policy-simulation corpus (JSONL, the format of `heiiki policy simulate
// --cases`) through the external simulator @cloud-copilot/iam-simulate and prints
// name<TAB>Allow|ExplicitDeny|ImplicitDeny|Error per case, like Heiiki does.
//
// The simulator is a reference only: it is installed outside the source tree and called
// through its public API (runSimulation). Nothing of it is part of Heiiki.
//
//   npm install --prefix /tmp/iam-oracle @cloud-copilot/iam-simulate
//   node tools/iam-corpus/oracle.mjs --oracle /tmp/iam-oracle cases.jsonl > oracle.tsv
//   node tools/iam-corpus/oracle.mjs --oracle /tmp/iam-oracle --explain NAME cases.jsonl

import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
let oracleDir = process.env.IAM_ORACLE_DIR || '/tmp/iam-oracle'
let explain = null
let file = null
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--oracle') oracleDir = args[++i]
  else if (args[i] === '--explain') explain = args[++i]
  else file = args[i]
}
if (!file) {
  console.error('usage: oracle.mjs [--oracle DIR] [--explain NAME] cases.jsonl')
  process.exit(2)
}

const require = createRequire(path.join(path.resolve(oracleDir), 'package.json'))
const { runSimulation } = require('@cloud-copilot/iam-simulate')

/** The account field of an ARN, or ''. */
function arnAccount(arn) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return ''
  return arn.split(':')[4] || ''
}

function lookup(context, key) {
  const k = Object.keys(context).find((c) => c.toLowerCase() === key.toLowerCase())
  return k === undefined ? undefined : context[k]
}

/** Translates one corpus case into the simulator's input. */
function simulationOf(c) {
  const req = c.request
  const context = req.context || {}
  const principalAccount = /^\d{12}$/.test(req.principal) ? req.principal : arnAccount(req.principal)
  const resource = req.resource ?? '*'
  const given = lookup(context, 'aws:ResourceAccount')
  const resourceAccount =
    (Array.isArray(given) ? given[0] : given) || arnAccount(resource) || principalAccount
  const named = (list, prefix) => (list || []).map((policy, i) => ({ name: `${prefix}${i}`, policy }))
  const sim = {
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource, accountId: resourceAccount },
      contextVariables: context,
    },
    identityPolicies: named(c.identityPolicies, 'identity'),
    serviceControlPolicies: c.scps?.length
      ? [{ orgIdentifier: 'r-root', policies: named(c.scps, 'scp') }]
      : [],
    resourceControlPolicies: [],
  }
  if (c.resourcePolicy) sim.resourcePolicy = c.resourcePolicy
  if (c.endpointPolicy) sim.vpcEndpointPolicies = named([endpointPolicyOf(c.endpointPolicy)], 'endpoint')
  if (c.sessionPolicy) sim.sessionPolicy = c.sessionPolicy
  if (c.permissionsBoundary) sim.permissionBoundaryPolicies = named([c.permissionsBoundary], 'pb')
  return sim
}

/**
 * The simulator accepts only Principal "*" in an endpoint policy. {"AWS": "*"} names the same
 * principals for a signed request, so it is written as "*"; other principals stay as they are
 * (and the simulator reports the case as an error).
 */
function endpointPolicyOf(doc) {
  const copy = JSON.parse(JSON.stringify(doc))
  const statements = Array.isArray(copy.Statement) ? copy.Statement : [copy.Statement]
  for (const s of statements) {
    const p = s?.Principal
    if (p && typeof p === 'object' && Object.keys(p).length === 1
        && (p.AWS === '*' || (Array.isArray(p.AWS) && p.AWS.length === 1 && p.AWS[0] === '*')))
      s.Principal = '*'
  }
  return copy
}

const decisions = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' }

const lines = readFileSync(file, 'utf8').split('\n')
let out = ''
for (let n = 0; n < lines.length; ++n) {
  if (!lines[n].trim()) continue
  const c = JSON.parse(lines[n])
  const name = c.name ?? String(n + 1)
  if (explain && name !== explain) continue
  let decision
  try {
    const result = await runSimulation(simulationOf(c), { simulationMode: 'Strict' })
    if (explain) {
      console.log(JSON.stringify(result, null, 1))
      continue
    }
    if (result.resultType === 'error') {
      decision = 'Error ' + JSON.stringify(result.errors.message).slice(0, 200)
    } else {
      decision = decisions[result.overallResult] ?? 'Error ' + result.overallResult
      const ignored = result.result?.ignoredContextKeys ?? []
      if (ignored.length) decision += ' ignored=' + ignored.join(',')
    }
  } catch (e) {
    decision = 'Error ' + String(e.message).replace(/\s+/g, ' ').slice(0, 200)
  }
  out += `${name}\t${decision}\n`
}
process.stdout.write(out)
