#!/usr/bin/env python3
"""Generates Heiiki's IAM conformance corpus: one JSON case per line, in the format that
`heiiki policy simulate --cases FILE` reads.

The corpus is deterministic: the same seed gives the same bytes. Every case names a
complete AWS request context (aws:PrincipalArn, aws:PrincipalAccount and, for IAM users,
aws:username are always given, as AWS always sets them), so that no evaluator has to
guess which keys a real request carries.

    python3 tools/iam-corpus/generate.py --seed 4 > tests/data/iam-corpus/cases.jsonl
"""

import argparse
import itertools
import json
import random
import sys

A, B, C = "111111111111", "222222222222", "333333333333"  # operators, workload, outsider
V = "2012-10-17"
STS_VPCE, SSM_VPCE, S3_VPCE = "vpce-0a1b2c3d4e5f60003", "vpce-0a1b2c3d4e5f60001", "vpce-0a1b2c3d4e5f60008"
ROLE = f"arn:aws:iam::{B}:role/ssm-role"
INSTANCE = f"arn:aws:ec2:ap-northeast-1:{B}:instance/i-0123456789abcdef0"
OTHER_INSTANCE = f"arn:aws:ec2:ap-northeast-1:{C}:instance/i-0fedcba9876543210"
PF_DOC = "arn:aws:ssm:ap-northeast-1::document/AWS-StartPortForwardingSession"
SHELL_DOC = "arn:aws:ssm:ap-northeast-1::document/AWS-StartInteractiveCommand"
OBJECT = "arn:aws:s3:::analysis-data-222222222222/reports/2024.csv"
QUEUE_A = f"arn:aws:sqs:ap-northeast-1:{A}:queue1"
QUEUE_B = f"arn:aws:sqs:ap-northeast-1:{B}:queue1"


def user(account, name, path=""):
    return f"arn:aws:iam::{account}:user/{path}{name}"


def session(account, role, name):
    return f"arn:aws:sts::{account}:assumed-role/{role}/{name}"


ALICE, BOB, CAROL = user(A, "alice"), user(A, "bob", "ops/"), user(B, "carol")
MALLORY = user(C, "mallory")
OPS_SESSION = session(B, "ssm-role", "alice")
APP_SESSION = session(A, "app-role", "i-0abc")


def account_of(arn):
    return arn.split(":")[4]


def base_context(principal):
    """The keys AWS sets for every request of this principal."""
    ctx = {"aws:PrincipalArn": principal, "aws:PrincipalAccount": account_of(principal)}
    if ":user/" in principal:
        ctx["aws:username"] = principal.rsplit("/", 1)[1]
        ctx["aws:PrincipalType"] = "User"
    elif ":assumed-role/" in principal:
        ctx["aws:PrincipalType"] = "AssumedRole"
    return ctx


def policy(*statements, version=V):
    doc = {"Version": version} if version else {}
    doc["Statement"] = list(statements)
    return doc


def stmt(effect, action, resource="*", condition=None, sid=None, **extra):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    s.update({k: v for k, v in extra.items() if k in ("Principal", "NotPrincipal")})
    if "NotAction" in extra:
        s["NotAction"] = extra["NotAction"]
    elif action is not None:
        s["Action"] = action
    if "NotResource" in extra:
        s["NotResource"] = extra["NotResource"]
    elif resource is not None:
        s["Resource"] = resource
    if condition:
        s["Condition"] = condition
    return s


class Corpus:
    def __init__(self):
        self.cases = []
        self.names = set()

    def add(self, group, label, principal, action, resource, context=None, identity=(),
            resource_policy=None, endpoint=None, session_policy=None, base=True, **extra):
        name = f"{group}/{len([c for c in self.cases if c['name'].startswith(group + '/')]):04d}-{label}"
        assert name not in self.names, name
        self.names.add(name)
        ctx = base_context(principal) if base else {}
        ctx.update(context or {})
        case = {
            "name": name,
            "request": {"principal": principal, "action": action, "resource": resource,
                        "context": ctx},
            "identityPolicies": list(identity),
            "resourcePolicy": resource_policy,
            "endpointPolicy": endpoint,
            "sessionPolicy": session_policy,
        }
        case.update(extra)
        self.cases.append(case)


# --- The brief's four policies ------------------------------------------------------------

def policy_i(role=ROLE):
    return policy(stmt("Allow", "sts:AssumeRole", role, sid="AssumeTheCompanySsmRoleOnly"))


def policy_ii(accounts=(A, B), operator="StringNotEquals"):
    return policy(
        stmt("Deny", "*", "*", {operator: {"aws:PrincipalAccount": list(accounts)}},
             sid="DenyPrincipalsOutsideTheCompany", Principal={"AWS": "*"}),
        stmt("Allow", "*", "*", sid="AllowTheRest", Principal="*"))


def policy_iii(vpce=STS_VPCE, mfa_op="Bool", name_op="StringLike", principal=f"arn:aws:iam::{A}:root"):
    return policy(stmt("Allow", "sts:AssumeRole", None, {
        mfa_op: {"aws:MultiFactorAuthPresent": "true"},
        "StringEquals": {"aws:SourceVpce": vpce},
        name_op: {"sts:RoleSessionName": "${aws:username}"},
    }, sid="OperatorsThroughTheClosedNetworkWithMfa", Principal={"AWS": principal}))


def policy_iv(vpce=SSM_VPCE, check_op="BoolIfExists"):
    return policy(
        stmt("Allow", "ssm:StartSession", [f"arn:aws:ec2:ap-northeast-1:{B}:instance/*", PF_DOC],
             {check_op: {"ssm:SessionDocumentAccessCheck": "true"},
              "StringEquals": {"aws:SourceVpce": vpce}}, sid="PortForwardingToOwnInstancesOnly"),
        stmt("Allow", ["ssm:ResumeSession", "ssm:TerminateSession"],
             f"arn:aws:ssm:ap-northeast-1:{B}:session/${{aws:userid}}-*",
             {"StringEquals": {"aws:SourceVpce": vpce}}, sid="ManageOwnSessions"))


def gen_brief(corpus, rng):
    # Scenario B: assuming ssm-role through the STS endpoint (policies I, II, III).
    principals = [("alice", ALICE), ("bob", BOB), ("mallory", MALLORY), ("carol", CAROL)]
    vpces = [("sts-vpce", STS_VPCE), ("ssm-vpce", SSM_VPCE), ("no-vpce", None)]
    mfas = [("mfa", "true"), ("no-mfa", "false"), ("mfa-missing", None)]
    names = [("own-name", "self"), ("other-name", "someone-else"), ("name-missing", None)]
    identities = [("I", [policy_i()]), ("no-I", []),
                  ("I-wrong-role", [policy_i(f"arn:aws:iam::{B}:role/admin-role")]),
                  ("I-wildcard", [policy_i(f"arn:aws:iam::{B}:role/ssm-*")])]
    endpoints = [("II", policy_ii()), ("no-II", None), ("II-A-only", policy_ii((A,)))]
    trusts = [("III", policy_iii()), ("III-mfa-ifexists", policy_iii(mfa_op="BoolIfExists")),
              ("III-name-equals", policy_iii(name_op="StringEquals")),
              ("III-account-id", policy_iii(principal=A)),
              ("III-user-arn", policy_iii(principal=ALICE))]
    combos = list(itertools.product(principals, vpces, mfas, names, identities, endpoints, trusts))
    rng.shuffle(combos)
    for (pn, p), (vn, vpce), (mn, mfa), (nn, sname), (iname, ident), (en, ep), (tn, trust) in combos[:420]:
        ctx = {}
        if vpce:
            ctx["aws:SourceVpce"] = vpce
        if mfa:
            ctx["aws:MultiFactorAuthPresent"] = mfa
        if sname:
            ctx["sts:RoleSessionName"] = p.rsplit("/", 1)[1] if sname == "self" else sname
        corpus.add("brief-B", f"{pn}-{vn}-{mn}-{nn}-{iname}-{en}-{tn}", p, "sts:AssumeRole",
                   ROLE, ctx, ident, trust, ep)

    # Scenario C: starting a session with the role's credentials (policies II, IV).
    principals = [("ops-session", OPS_SESSION), ("mallory", MALLORY),
                  ("foreign-session", session(C, "ssm-role", "alice"))]
    vpces = [("ssm-vpce", SSM_VPCE), ("sts-vpce", STS_VPCE), ("no-vpce", None)]
    checks = [("check", "true"), ("no-check", "false"), ("check-missing", None)]
    targets = [("own-instance", "ssm:StartSession", INSTANCE),
               ("other-instance", "ssm:StartSession", OTHER_INSTANCE),
               ("pf-doc", "ssm:StartSession", PF_DOC),
               ("shell-doc", "ssm:StartSession", SHELL_DOC),
               ("own-session", "ssm:TerminateSession",
                f"arn:aws:ssm:ap-northeast-1:{B}:session/AROAEXAMPLEID:alice-0123456789abcdef0"),
               ("other-session", "ssm:ResumeSession",
                f"arn:aws:ssm:ap-northeast-1:{B}:session/AROAOTHERID:bob-0123456789abcdef0")]
    ivs = [("IV", policy_iv()), ("IV-check-strict", policy_iv(check_op="Bool")),
           ("IV-wrong-vpce", policy_iv(vpce=S3_VPCE))]
    endpoints = [("II", policy_ii()), ("no-II", None)]
    combos = list(itertools.product(principals, vpces, checks, targets, ivs, endpoints))
    rng.shuffle(combos)
    for (pn, p), (vn, vpce), (cn, check), (tn, action, res), (ivn, iv), (en, ep) in combos[:300]:
        ctx = {"aws:userid": "AROAEXAMPLEID:alice"}
        if vpce:
            ctx["aws:SourceVpce"] = vpce
        if check:
            ctx["ssm:SessionDocumentAccessCheck"] = check
        corpus.add("brief-C", f"{pn}-{vn}-{cn}-{tn}-{ivn}-{en}", p, action, res, ctx, [iv],
                   None, ep)

    # Scenario A: outside credentials brought in through the company's endpoints (policy II).
    callers = [("mallory", MALLORY), ("alice", ALICE), ("carol", CAROL),
               ("outside-session", session(C, "exfil", "x"))]
    requests = [("s3-put-outside", "s3:PutObject", "arn:aws:s3:::exfil-bucket-333/data.csv", C),
                ("s3-get-company", "s3:GetObject", OBJECT, B),
                ("firehose-outside", "firehose:PutRecord",
                 f"arn:aws:firehose:ap-northeast-1:{C}:deliverystream/exfil", None),
                ("sqs-company", "sqs:SendMessage", QUEUE_B, None)]
    endpoints = [("II", policy_ii()), ("II-like", policy_ii(operator="StringNotLike")),
                 ("II-ifexists", policy_ii(operator="StringNotEqualsIfExists")),
                 ("no-II", None), ("II-C-allowed", policy_ii((A, B, C)))]
    for (pn, p), (rn, action, res, racct), (en, ep) in itertools.product(callers, requests, endpoints):
        ctx = {"aws:SourceVpce": S3_VPCE}
        if racct:
            ctx["aws:ResourceAccount"] = racct
        ident = [policy(stmt("Allow", "*", "*"))]
        corpus.add("brief-A", f"{pn}-{rn}-{en}", p, action, res, ctx, ident, None, ep)


# --- Condition operators ------------------------------------------------------------------

GET = ("s3:GetObject", "arn:aws:s3:::bucket-a/key.txt")


def cond_case(corpus, group, label, op, key, policy_values, context_value, effect="Allow",
              principal=ALICE):
    cond = {op: {key: policy_values}}
    ctx = {} if context_value is None else {key: context_value}
    if effect == "Allow":
        ident = [policy(stmt("Allow", GET[0], "*", cond))]
    else:
        ident = [policy(stmt("Allow", GET[0], "*"), stmt("Deny", GET[0], "*", cond))]
    corpus.add(group, label, principal, GET[0], GET[1], ctx, ident)


def with_variants(op):
    yield op
    yield op + "IfExists"


def gen_operators(corpus, rng):
    string_ops = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                  "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"]
    string_policy = [["engineering"], ["Engineering"], ["eng*"], ["*ring"], ["e?gineering"],
                     ["sales", "engineering"], ["ENG*"], [""], ["*"]]
    string_values = ["engineering", "Engineering", "ENGINEERING", "eng", "sales", "", None,
                     "engineering2", "eng*"]
    for base in string_ops:
        for op in with_variants(base):
            for pv, cv in itertools.product(string_policy, string_values):
                for effect in ("Allow", "Deny"):
                    if rng.random() < 0.25:
                        cond_case(corpus, "op-string", f"{op}-{effect}", op,
                                  "aws:PrincipalTag/team", pv, cv, effect)

    numeric_ops = ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                   "NumericGreaterThan", "NumericGreaterThanEquals"]
    numeric_policy = [["3600"], ["0"], ["-5"], ["3600.5"], ["100", "7200"], ["1000.0"]]
    numeric_values = ["3600", "3599", "3601", "0", "-5", "3600.5", "1000", None, "007200"]
    for base in numeric_ops:
        for op in with_variants(base):
            for pv, cv in itertools.product(numeric_policy, numeric_values):
                if rng.random() < 0.42:
                    effect = rng.choice(["Allow", "Deny"])
                    cond_case(corpus, "op-numeric", f"{op}-{effect}", op,
                              "aws:MultiFactorAuthAge", pv, cv, effect)

    date_ops = ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
                "DateGreaterThan", "DateGreaterThanEquals"]
    date_policy = [["2024-06-01T00:00:00Z"], ["2024-06-01"], ["1717200000"],
                   ["2024-06-01T09:00:00+09:00"], ["2023-01-01T00:00:00Z", "2025-01-01T00:00:00Z"]]
    date_values = ["2024-06-01T00:00:00Z", "2024-05-31T23:59:59Z", "2024-06-01T00:00:01Z",
                   "2024-06-01T00:00:00.000Z", "2025-06-01T00:00:00Z", None, "1717200000"]
    for base in date_ops:
        for op in with_variants(base):
            for pv, cv in itertools.product(date_policy, date_values):
                if rng.random() < 0.38:
                    effect = rng.choice(["Allow", "Deny"])
                    cond_case(corpus, "op-date", f"{op}-{effect}", op, "aws:CurrentTime", pv, cv,
                              effect)

    for op in with_variants("Bool"):
        for pv, cv in itertools.product(["true", "false", "True", "FALSE"],
                                        ["true", "false", "TRUE", None]):
            for effect in ("Allow", "Deny"):
                cond_case(corpus, "op-bool", f"{op}-{effect}", op, "aws:SecureTransport", pv, cv,
                          effect)

    for op in with_variants("BinaryEquals"):
        for pv, cv in itertools.product(["QmluYXJ5", "YmluYXJ5"], ["QmluYXJ5", "qmluyxj5", None]):
            cond_case(corpus, "op-binary", op, op, "aws:PrincipalTag/blob", pv, cv)

    ip_policy = [["10.0.0.0/8"], ["10.1.2.3/32"], ["10.1.2.3"], ["192.168.0.0/16", "10.1.0.0/16"],
                 ["2001:db8::/32"], ["0.0.0.0/0"]]
    ip_values = ["10.1.2.3", "10.200.0.1", "192.168.5.5", "172.16.0.1", "2001:db8::1",
                 "2001:db9::1", None]
    for base in ("IpAddress", "NotIpAddress"):
        for op in with_variants(base):
            for pv, cv in itertools.product(ip_policy, ip_values):
                if rng.random() < 0.6:
                    effect = rng.choice(["Allow", "Deny"])
                    cond_case(corpus, "op-ip", f"{op}-{effect}", op, "aws:SourceIp", pv, cv,
                              effect)

    arn_policy = [[f"arn:aws:iam::{A}:user/alice"], [f"arn:aws:iam::{A}:user/*"],
                  [f"arn:aws:iam::*:user/alice"], ["arn:aws:iam::*"], ["arn:aws:*:111111111111:*"],
                  [f"arn:aws:iam::{A}:user/ali?e"], ["arn:aws:*:*:*:*"],
                  [f"arn:aws:iam::{A}:user/ALICE"], ["arn:aws:iam::*:*"],
                  [f"arn:aws:iam::{A}:*/alice"], ["arn:*"]]
    arn_values = [f"arn:aws:iam::{A}:user/alice", f"arn:aws:iam::{A}:user/ops/bob",
                  f"arn:aws:iam::{C}:user/alice", f"arn:aws:sts::{A}:assumed-role/r/alice",
                  f"arn:aws:iam::{A}:user/a:b", None]
    for base in ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"):
        for op in with_variants(base):
            for pv, cv in itertools.product(arn_policy, arn_values):
                if rng.random() < 0.4:
                    effect = rng.choice(["Allow", "Deny"])
                    cond_case(corpus, "op-arn", f"{op}-{effect}", op, "aws:SourceArn", pv, cv,
                              effect)

    for key, present in [("aws:SourceVpce", S3_VPCE), ("aws:PrincipalTag/team", "engineering"),
                         ("aws:TokenIssueTime", "2024-06-01T00:00:00Z")]:
        for pv, cv in itertools.product(["true", "false"], [present, None]):
            for effect in ("Allow", "Deny"):
                cond_case(corpus, "op-null", f"Null-{pv}-{effect}", "Null", key, pv, cv, effect)

    # Set operators over multivalued keys (aws:TagKeys, aws:PrincipalOrgPaths, aws:CalledVia).
    set_ops = ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike",
               "StringEqualsIgnoreCase"]
    set_policy = [["env", "team"], ["env"], ["e*"], ["cost-center"], ["ENV", "TEAM"]]
    set_values = [["env"], ["env", "team"], ["env", "owner"], ["owner"], [], None, ["Env"],
                  ["env", "env"]]
    for q in ("ForAllValues", "ForAnyValue"):
        for base in set_ops:
            for suffix in ("", "IfExists"):
                op = f"{q}:{base}{suffix}"
                for pv, cv in itertools.product(set_policy, set_values):
                    if rng.random() < 0.3:
                        effect = rng.choice(["Allow", "Deny"])
                        cond_case(corpus, "op-set", f"{q}-{base}{suffix}-{effect}", op,
                                  "aws:TagKeys", pv, cv, effect)
    for q in ("ForAllValues", "ForAnyValue"):
        for op, pv, cv in [("ArnLike", [f"arn:aws:iam::{A}:role/*"],
                            [f"arn:aws:iam::{A}:role/x", f"arn:aws:iam::{C}:role/y"]),
                           ("ArnLike", [f"arn:aws:iam::{A}:role/*"], [f"arn:aws:iam::{A}:role/x"]),
                           ("StringLike", ["o-abc/*"], ["o-abc/r-1/ou-1/", "o-xyz/r-2/"]),
                           ("StringLike", ["o-abc/*"], ["o-abc/r-1/ou-1/"])]:
            key = "aws:PrincipalOrgPaths" if op == "StringLike" else "aws:CalledVia"
            if op == "ArnLike":
                key = "aws:SourceArn"  # single-valued: a set of one
                cv = cv[:1]
            for effect in ("Allow", "Deny"):
                cond_case(corpus, "op-set", f"{q}-{op}-{key}-{effect}", f"{q}:{op}", key, pv, cv,
                          effect)

    # Several keys and operators in one block: all must hold (AND), values of one key: OR.
    for i in range(60):
        conds = {}
        ctx = {}
        if rng.random() < 0.8:
            conds["StringEquals"] = {"aws:SourceVpce": rng.choice([[S3_VPCE], [SSM_VPCE, S3_VPCE]])}
            if rng.random() < 0.8:
                ctx["aws:SourceVpce"] = rng.choice([S3_VPCE, SSM_VPCE, STS_VPCE])
        if rng.random() < 0.7:
            conds["Bool"] = {"aws:SecureTransport": "true"}
            if rng.random() < 0.8:
                ctx["aws:SecureTransport"] = rng.choice(["true", "false"])
        if rng.random() < 0.6:
            conds["IpAddress"] = {"aws:SourceIp": ["10.0.0.0/8"]}
            if rng.random() < 0.8:
                ctx["aws:SourceIp"] = rng.choice(["10.9.9.9", "203.0.113.7"])
        if not conds:
            conds["NumericLessThan"] = {"aws:MultiFactorAuthAge": "3600"}
            ctx["aws:MultiFactorAuthAge"] = rng.choice(["10", "9999"])
        effect = rng.choice(["Allow", "Deny"])
        stmts = [stmt("Allow", GET[0], "*", conds)] if effect == "Allow" else [
            stmt("Allow", GET[0], "*"), stmt("Deny", GET[0], "*", conds)]
        corpus.add("op-combined", f"{'-'.join(sorted(conds))}-{effect}", ALICE, GET[0], GET[1],
                   ctx, [policy(*stmts)])


# --- Policy variables ---------------------------------------------------------------------

def gen_variables(corpus, rng):
    home = "arn:aws:s3:::home-bucket"
    resources = [f"{home}/home/alice/notes.txt", f"{home}/home/bob/notes.txt",
                 f"{home}/home/ops/bob/notes.txt", f"{home}/home/${{aws:username}}/x",
                 f"{home}/home/unassigned/x"]
    patterns = [f"{home}/home/${{aws:username}}/*", f"{home}/home/${{AWS:UserName}}/*",
                f"{home}/home/${{aws:PrincipalTag/team, 'unassigned'}}/*",
                f"{home}/home/${{aws:PrincipalTag/team,'unassigned'}}/*",
                f"{home}/home/${{aws:PrincipalTag/team}}/*"]
    principals = [("alice", ALICE, {}), ("bob", BOB, {}),
                  ("session", OPS_SESSION, {}),
                  ("tagged-alice", ALICE, {"aws:PrincipalTag/team": "alice"}),
                  ("tagged-bob", BOB, {"aws:PrincipalTag/team": "bob"})]
    for (pn, p, ctx), pat, res, version in itertools.product(principals, patterns, resources,
                                                             [V, None, "2008-10-17"]):
        if version != V and rng.random() < 0.6:
            continue
        corpus.add("var-resource", f"{pn}-v{version or 'none'}", p, "s3:GetObject", res, ctx,
                   [policy(stmt("Allow", "s3:GetObject", pat), version=version)])

    # Variables in condition values.
    for (pn, p), (rn, racct), op in itertools.product(
            [("alice", ALICE), ("carol", CAROL), ("session", OPS_SESSION)],
            [("own", A), ("workload", B), ("missing", None)],
            ["StringEquals", "StringNotEquals", "StringLike", "StringEqualsIfExists"]):
        ctx = {"aws:ResourceAccount": racct} if racct else {}
        corpus.add("var-condition", f"{pn}-{rn}-{op}", p, "sqs:SendMessage", QUEUE_B, ctx,
                   [policy(stmt("Allow", "sqs:SendMessage", "*",
                                {op: {"aws:ResourceAccount": "${aws:PrincipalAccount}"}}))])
    for (pn, p), sname, op in itertools.product(
            [("alice", ALICE), ("bob", BOB), ("session", OPS_SESSION)],
            ["alice", "bob", "Alice", None], ["StringEquals", "StringLike", "StringNotEquals",
                                             "StringEqualsIgnoreCase"]):
        ctx = {"sts:RoleSessionName": sname} if sname else {}
        corpus.add("var-condition", f"session-name-{pn}-{sname}-{op}", p, "sts:AssumeRole", ROLE,
                   ctx, [policy(stmt("Allow", "sts:AssumeRole", ROLE,
                                     {op: {"sts:RoleSessionName": "${aws:username}"}}))],
                   policy(stmt("Allow", "sts:AssumeRole", None, Principal={"AWS": p})))
    for default, tag in itertools.product(["'none'", "'x'"], ["x", None]):
        ctx = {"aws:RequestTag/owner": "none"}
        if tag:
            ctx["aws:PrincipalTag/owner"] = tag
        ctx2 = dict(ctx, **{"aws:RequestTag/owner": ""})
        for label, c in (("req-none", ctx), ("req-empty", ctx2)):
            corpus.add("var-condition", f"default-{default}-{tag}-{label}", ALICE, "s3:GetObject",
                       GET[1], c, [policy(stmt("Allow", "s3:GetObject", "*", {
                           "StringEquals": {"aws:RequestTag/owner":
                                            f"${{aws:PrincipalTag/owner, {default}}}"}}))])

    # ${*}, ${?} and ${$} are the literal characters, never wildcards.
    literal = "arn:aws:s3:::literal-bucket"
    pats = [f"{literal}/a${{*}}b", f"{literal}/a${{?}}b", f"{literal}/price${{$}}5",
            f"{literal}/a${{*}}b*", f"{literal}/x/${{*}}", f"{literal}/${{?}}${{?}}"]
    objs = [f"{literal}/a*b", f"{literal}/aXb", f"{literal}/a?b", f"{literal}/ab",
            f"{literal}/price$5", f"{literal}/price${{$}}5", f"{literal}/a*bcd", f"{literal}/x/*",
            f"{literal}/x/y", f"{literal}/??", f"{literal}/xy", f"{literal}/aXYb"]
    for pat, obj in itertools.product(pats, objs):
        corpus.add("var-literal", "resource", ALICE, "s3:GetObject", obj, {},
                   [policy(stmt("Allow", "s3:GetObject", pat))])
    for op, pv, cv in itertools.product(["StringLike", "StringEquals", "StringNotLike"],
                                        ["team${*}", "team${?}", "${$}team", "t${*}*"],
                                        ["team*", "teamX", "team?", "$team", "t*am", "teams"]):
        cond_case(corpus, "var-literal", f"condition-{op}", op, "aws:PrincipalTag/team", pv, cv)


# --- NotAction, NotResource, NotPrincipal -------------------------------------------------

def gen_not_elements(corpus, rng):
    actions = [("s3:GetObject", OBJECT), ("iam:CreateUser", f"arn:aws:iam::{A}:user/new"),
               ("iam:ListUsers", "*"), ("sqs:SendMessage", QUEUE_A),
               ("ec2:TerminateInstances", f"arn:aws:ec2:ap-northeast-1:{A}:instance/i-1"),
               ("s3:ListBucket", "arn:aws:s3:::analysis-data-222222222222")]
    docs = [
        ("allow-notaction-iam", policy(stmt("Allow", None, "*", NotAction="iam:*"))),
        ("allow-notaction-list", policy(stmt("Allow", None, "*", NotAction=["iam:*", "ec2:*"]))),
        ("allow-all-deny-notaction", policy(stmt("Allow", "*", "*"),
                                            stmt("Deny", None, "*", NotAction=["s3:*", "sqs:*"]))),
        ("allow-notresource", policy(stmt("Allow", "*", None, NotResource=f"arn:aws:iam::{A}:*"))),
        ("allow-notresource-s3", policy(stmt("Allow", ["s3:*", "sqs:*"], None,
                                             NotResource=["arn:aws:s3:::analysis-*/*"]))),
        ("deny-notresource", policy(stmt("Allow", "*", "*"),
                                    stmt("Deny", "*", None, NotResource=[QUEUE_A, OBJECT]))),
        ("notaction-notresource", policy(stmt("Allow", None, None, NotAction="iam:Create*",
                                              NotResource="arn:aws:ec2:*"))),
        ("action-case", policy(stmt("Allow", ["S3:getobject", "IAM:List*"], "*"))),
        ("action-wildcards", policy(stmt("Allow", ["s3:Get*", "sqs:*Message", "ec2:T?rminate*"], "*"))),
        ("deny-notaction-mfa", policy(stmt("Allow", "*", "*"), stmt(
            "Deny", None, "*", {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
            NotAction=["iam:ListUsers", "sts:GetSessionToken"]))),
    ]
    for (action, res), (dn, doc), mfa in itertools.product(actions, docs, ["true", "false", None]):
        if dn != "deny-notaction-mfa" and mfa != "true":
            continue
        ctx = {"aws:MultiFactorAuthPresent": mfa} if mfa else {}
        corpus.add("not-action-resource", f"{dn}-{action}-{mfa}", ALICE, action, res, ctx, [doc])

    # NotPrincipal and Principal forms in a resource-based policy (an SQS queue in account A).
    forms = [
        ("deny-notprincipal-alice-and-account", "Deny",
         {"NotPrincipal": {"AWS": [ALICE, f"arn:aws:iam::{A}:root"]}}),
        ("deny-notprincipal-alice-only", "Deny", {"NotPrincipal": {"AWS": ALICE}}),
        ("deny-notprincipal-account", "Deny", {"NotPrincipal": {"AWS": A}}),
        ("deny-notprincipal-role-session", "Deny", {"NotPrincipal": {"AWS": [
            f"arn:aws:iam::{B}:role/ssm-role", OPS_SESSION, f"arn:aws:iam::{B}:root"]}}),
        ("allow-principal-star", "Allow", {"Principal": "*"}),
        ("allow-principal-aws-star", "Allow", {"Principal": {"AWS": "*"}}),
        ("allow-principal-alice", "Allow", {"Principal": {"AWS": ALICE}}),
        ("allow-principal-account-root", "Allow", {"Principal": {"AWS": f"arn:aws:iam::{A}:root"}}),
        ("allow-principal-account-id", "Allow", {"Principal": {"AWS": A}}),
        ("allow-principal-role", "Allow", {"Principal": {"AWS": f"arn:aws:iam::{B}:role/ssm-role"}}),
        ("allow-principal-session", "Allow", {"Principal": {"AWS": OPS_SESSION}}),
        ("allow-principal-service", "Allow", {"Principal": {"Service": "sns.amazonaws.com"}}),
        ("allow-principal-c", "Allow", {"Principal": {"AWS": [MALLORY, f"arn:aws:iam::{B}:root"]}}),
    ]
    callers = [("alice", ALICE), ("bob", BOB), ("ops-session", OPS_SESSION), ("mallory", MALLORY),
               ("carol", CAROL)]
    idents = [("ident-allow", [policy(stmt("Allow", "sqs:SendMessage", "*"))]), ("no-ident", [])]
    for (fn, effect, principal), (cn, caller), (iname, ident) in itertools.product(forms, callers, idents):
        stmts = [stmt("Allow", "sqs:SendMessage", QUEUE_A, Principal="*")] if effect == "Deny" else []
        stmts.append(stmt(effect, "sqs:SendMessage", QUEUE_A, **principal))
        corpus.add("principal", f"{fn}-{cn}-{iname}", caller, "sqs:SendMessage", QUEUE_A, {},
                   ident, policy(*stmts))


# --- Same-account and cross-account access; role trust -----------------------------------

def gen_accounts(corpus, rng):
    callers = [("alice", ALICE), ("ops-session", OPS_SESSION), ("mallory", MALLORY),
               ("app-session", APP_SESSION)]
    resources = [("queue-a", "sqs:SendMessage", QUEUE_A), ("queue-b", "sqs:SendMessage", QUEUE_B),
                 ("object-b", "s3:GetObject", OBJECT)]
    idents = [("ident-allow", [policy(stmt("Allow", ["sqs:SendMessage", "s3:GetObject"], "*"))]),
              ("ident-none", []),
              ("ident-deny", [policy(stmt("Allow", "*", "*"), stmt("Deny", "sqs:*", "*"))]),
              ("ident-other-resource", [policy(stmt("Allow", ["sqs:SendMessage", "s3:GetObject"],
                                                    ["arn:aws:sqs:*:*:other", "arn:aws:s3:::o/*"]))])]
    for (cn, caller), (rn, action, res), (iname, ident) in itertools.product(callers, resources, idents):
        owner = B if rn != "queue-a" else A
        principals = [("none", None), ("star", "*"), ("caller", {"AWS": caller}),
                      ("caller-account", {"AWS": account_of(caller)}),
                      ("other-account", {"AWS": C if account_of(caller) != C else A})]
        for pn, principal in principals:
            if pn != "none" and rng.random() < 0.35:
                continue
            rp = None if principal is None else policy(stmt("Allow", action, res, Principal=principal))
            ctx = {"aws:ResourceAccount": owner} if action == "s3:GetObject" else {}
            corpus.add("accounts", f"{cn}-{rn}-{iname}-rp-{pn}", caller, action, res, ctx, ident, rp)

    # Role trust: same account and across accounts.
    trust_principals = [("account-root", {"AWS": f"arn:aws:iam::{{acct}}:root"}),
                        ("account-id", {"AWS": "{acct}"}), ("caller-arn", {"AWS": "{caller}"}),
                        ("star", {"AWS": "*"}), ("service", {"Service": "ec2.amazonaws.com"})]
    roles = [("role-b", ROLE), ("role-a", f"arn:aws:iam::{A}:role/local-role")]
    callers = [("alice", ALICE), ("carol", CAROL), ("mallory", MALLORY)]
    for (rn, role), (cn, caller), (tn, tp), ident in itertools.product(
            roles, callers, trust_principals, ["allow", "none", "deny"]):
        acct = account_of(caller)
        tp = json.loads(json.dumps(tp).replace("{acct}", acct).replace("{caller}", caller))
        idents = {"allow": [policy(stmt("Allow", "sts:AssumeRole", role))], "none": [],
                  "deny": [policy(stmt("Allow", "*", "*"), stmt("Deny", "sts:AssumeRole", role))]}
        corpus.add("trust", f"{rn}-{cn}-{tn}-ident-{ident}", caller, "sts:AssumeRole", role, {},
                   idents[ident], policy(stmt("Allow", "sts:AssumeRole", None, Principal=tp)))


# --- VPC endpoint policies ----------------------------------------------------------------

def gen_endpoints(corpus, rng):
    eps = [
        ("allow-all", policy(stmt("Allow", "*", "*", Principal="*"))),
        ("allow-s3-read", policy(stmt("Allow", ["s3:GetObject", "s3:ListBucket"], "*", Principal="*"))),
        ("allow-bucket", policy(stmt("Allow", "s3:*", ["arn:aws:s3:::analysis-data-222222222222",
                                                        "arn:aws:s3:::analysis-data-222222222222/*"],
                                      Principal="*"))),
        ("allow-resource-account", policy(stmt("Allow", "*", "*", {
            "StringEquals": {"aws:ResourceAccount": [A, B]}}, Principal="*"))),
        ("allow-principal-account", policy(stmt("Allow", "*", "*", {
            "StringEquals": {"aws:PrincipalAccount": [A, B]}}, Principal="*"))),
        ("II", policy_ii()),
        ("deny-put", policy(stmt("Allow", "*", "*", Principal="*"),
                            stmt("Deny", "s3:PutObject", "*", Principal="*"))),
        ("allow-named-principal", policy(stmt("Allow", "*", "*", Principal={"AWS": ALICE}))),
        ("deny-named-principal", policy(stmt("Allow", "*", "*", Principal="*"),
                                        stmt("Deny", "*", "*", Principal={"AWS": MALLORY}))),
        ("allow-account-principal", policy(stmt("Allow", "*", "*", Principal={"AWS": B}))),
        ("deny-notresource", policy(stmt("Allow", "*", "*", Principal="*"),
                                    stmt("Deny", "s3:*", None, Principal="*",
                                         NotResource=["arn:aws:s3:::analysis-data-222222222222/*"]))),
    ]
    requests = [("get-company", "s3:GetObject", OBJECT, B),
                ("put-company", "s3:PutObject", OBJECT, B),
                ("put-outside", "s3:PutObject", "arn:aws:s3:::exfil-bucket-333/x", C),
                ("sqs-a", "sqs:SendMessage", QUEUE_A, A)]
    callers = [("alice", ALICE), ("carol", CAROL), ("mallory", MALLORY), ("ops-session", OPS_SESSION)]
    for (en, ep), (rn, action, res, owner), (cn, caller) in itertools.product(eps, requests, callers):
        if rng.random() < 0.25:
            continue
        ctx = {"aws:SourceVpce": S3_VPCE, "aws:ResourceAccount": owner}
        corpus.add("endpoint", f"{en}-{rn}-{cn}", caller, action, res, ctx,
                   [policy(stmt("Allow", "*", "*"))], None, ep)


# --- Session policies and mixed layers ----------------------------------------------------

def gen_sessions(corpus, rng):
    sessions = [("none", None), ("allow-s3", policy(stmt("Allow", "s3:*", "*"))),
                ("allow-sqs", policy(stmt("Allow", "sqs:SendMessage", "*"))),
                ("deny-sqs", policy(stmt("Allow", "*", "*"), stmt("Deny", "sqs:*", "*")))]
    idents = [("ident-all", [policy(stmt("Allow", "*", "*"))]), ("ident-none", [])]
    rps = [("rp-none", None), ("rp-role", policy(stmt("Allow", "sqs:SendMessage", QUEUE_A,
                                                      Principal={"AWS": f"arn:aws:iam::{A}:role/app-role"}))),
           ("rp-session", policy(stmt("Allow", "sqs:SendMessage", QUEUE_A,
                                      Principal={"AWS": APP_SESSION})))]
    for (sn, sp), (iname, ident), (rn, rp) in itertools.product(sessions, idents, rps):
        corpus.add("session", f"{sn}-{iname}-{rn}", APP_SESSION, "sqs:SendMessage", QUEUE_A, {},
                   ident, rp, None, sp)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = Corpus()
    for gen in (gen_brief, gen_operators, gen_variables, gen_not_elements, gen_accounts,
                gen_endpoints, gen_sessions):
        gen(corpus, rng)
    for case in corpus.cases:
        sys.stdout.write(json.dumps(case, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{len(corpus.cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
