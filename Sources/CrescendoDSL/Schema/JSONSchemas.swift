/// The JSON Schemas (draft 2020-12) that `crescendo schema` prints, for editors' completion and
/// validation, without a final newline. `docs/schema/*.schema.json` are committed copies of
/// what `crescendo schema` prints; a test keeps them equal.
public enum JSONSchemas {
    /// Campaign files and rule libraries.
    public static let campaign = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://crescendo.example/schema/campaign.schema.json",
  "title": "Crescendo campaign file or rule library",
  "oneOf": [
    {
      "$ref": "#/$defs/campaign"
    },
    {
      "$ref": "#/$defs/library"
    }
  ],
  "$defs": {
    "campaign": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "campaign": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]*$"
        },
        "title": {
          "type": "string"
        },
        "timezone": {
          "type": "string"
        },
        "start": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
          "description": "a date or date-time; without an offset it is local time in the campaign's zone"
        },
        "end": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
          "description": "a date or date-time; without an offset it is local time in the campaign's zone"
        },
        "include": {
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          ]
        },
        "metrics": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "label": {
                "type": "string"
              },
              "unit": {
                "type": "string"
              }
            },
            "required": [
              "label",
              "unit"
            ]
          },
          "minProperties": 1
        },
        "demands": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "text": {
                "type": "string"
              },
              "target": {
                "type": "string"
              },
              "funding": {
                "type": "string"
              },
              "funding_line": {
                "type": "string"
              }
            },
            "required": [
              "text",
              "target",
              "funding"
            ]
          },
          "minProperties": 1
        },
        "indicators": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "label": {
                "type": "string"
              },
              "unit": {
                "type": "string"
              }
            },
            "required": [
              "label",
              "unit"
            ]
          }
        },
        "windows": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string"
              },
              "from": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
              },
              "to": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
              }
            },
            "required": [
              "kind",
              "from",
              "to"
            ]
          }
        },
        "ladders": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "pick": {
                "enum": [
                  "rotate",
                  "shuffle"
                ]
              },
              "seed": {
                "type": "integer",
                "minimum": 0
              },
              "tactics": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "text": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "id",
                    "text"
                  ]
                }
              }
            },
            "required": [
              "pick",
              "tactics"
            ]
          }
        },
        "pacing": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "cooldown": {
              "type": "string",
              "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
              "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
            },
            "limit": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "count": {
                  "type": "integer",
                  "minimum": 1
                },
                "per": {
                  "type": "string",
                  "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                  "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
                }
              },
              "required": [
                "count",
                "per"
              ]
            },
            "when_blocked": {
              "enum": [
                "defer",
                "skip"
              ]
            }
          }
        },
        "decompression": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/action"
          }
        },
        "privacy": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "min_count": {
              "type": "integer",
              "minimum": 1
            },
            "redact": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        },
        "areas": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "label": {
                "type": "string"
              }
            },
            "required": [
              "label"
            ]
          }
        },
        "templates": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          },
          "description": "Mustache templates; a `.xx` suffix is a language variant"
        },
        "channels": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": [
              "type"
            ],
            "oneOf": [
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "type": {
                    "const": "file"
                  },
                  "path": {
                    "type": "string"
                  }
                },
                "required": [
                  "type",
                  "path"
                ]
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "type": {
                    "const": "webhook"
                  },
                  "url": {
                    "type": "string"
                  },
                  "timeout": {
                    "oneOf": [
                      {
                        "type": "string",
                        "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                        "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
                      },
                      {
                        "type": "integer",
                        "minimum": 1
                      }
                    ]
                  }
                },
                "required": [
                  "type",
                  "url"
                ]
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "type": {
                    "const": "command"
                  },
                  "run": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                      "type": "string"
                    }
                  },
                  "timeout": {
                    "oneOf": [
                      {
                        "type": "string",
                        "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                        "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
                      },
                      {
                        "type": "integer",
                        "minimum": 1
                      }
                    ]
                  }
                },
                "required": [
                  "type",
                  "run"
                ]
              }
            ]
          }
        },
        "rules": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/rule"
          }
        }
      },
      "required": [
        "campaign",
        "start",
        "metrics",
        "demands"
      ],
      "description": "a campaign file"
    },
    "library": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "rules": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/rule"
          }
        },
        "templates": {
          "type": "object",
          "additionalProperties": {
            "type": "string"
          },
          "description": "Mustache templates; a `.xx` suffix is a language variant"
        },
        "include": {
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          ]
        }
      },
      "description": "a rule library, named in a campaign's `include:`",
      "anyOf": [
        {
          "required": [
            "rules"
          ]
        },
        {
          "required": [
            "templates"
          ]
        }
      ]
    },
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"
        },
        "when": {
          "$ref": "#/$defs/trigger"
        },
        "if": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/condition"
          }
        },
        "do": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/action"
          }
        },
        "then": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/action"
          }
        },
        "on_missed": {
          "enum": [
            "fire_once",
            "fire_all",
            "skip"
          ]
        },
        "enabled": {
          "type": "boolean"
        }
      },
      "required": [
        "id",
        "when",
        "do"
      ]
    },
    "trigger": {
      "type": "object",
      "additionalProperties": false,
      "description": "exactly one trigger: every, sum, count, indicator, window, deadline, schedule, cron or win",
      "properties": {
        "every": {
          "type": "integer",
          "minimum": 1
        },
        "of": {
          "type": "string"
        },
        "where": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "area": {
              "type": "string"
            },
            "demand": {
              "type": "string"
            },
            "kind": {
              "type": "string"
            }
          }
        },
        "per": {
          "enum": [
            "area",
            "demand",
            "kind"
          ]
        },
        "sum": {
          "type": "string"
        },
        "count": {
          "const": "entries"
        },
        "over": {
          "type": "string",
          "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
          "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
        },
        "above": {
          "type": "number"
        },
        "below": {
          "type": "number"
        },
        "for": {
          "type": "string",
          "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
          "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
        },
        "indicator": {
          "type": "string"
        },
        "window": {
          "type": "string"
        },
        "on": {
          "enum": [
            "open",
            "close"
          ]
        },
        "offset": {
          "type": "string",
          "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
          "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
        },
        "deadline": {
          "enum": [
            "missed",
            "answered"
          ]
        },
        "demand": {
          "type": "string"
        },
        "schedule": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "every": {
              "enum": [
                "day",
                "week",
                "month"
              ]
            },
            "on": {
              "oneOf": [
                {
                  "enum": [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday"
                  ]
                },
                {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 31
                }
              ]
            },
            "at": {
              "type": "string",
              "pattern": "^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"
            }
          },
          "required": [
            "every"
          ]
        },
        "cron": {
          "type": "string"
        },
        "win": {
          "enum": [
            "any",
            "partial",
            "full"
          ]
        }
      },
      "oneOf": [
        {
          "required": [
            "every"
          ]
        },
        {
          "required": [
            "sum"
          ]
        },
        {
          "required": [
            "count"
          ]
        },
        {
          "required": [
            "indicator"
          ]
        },
        {
          "required": [
            "window"
          ]
        },
        {
          "required": [
            "deadline"
          ]
        },
        {
          "required": [
            "schedule"
          ]
        },
        {
          "required": [
            "cron"
          ]
        },
        {
          "required": [
            "win"
          ]
        }
      ],
      "not": {
        "required": [
          "above",
          "below"
        ]
      }
    },
    "condition": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "in_window": {
          "type": "string"
        },
        "not_in_window": {
          "type": "string"
        },
        "indicator": {
          "type": "string"
        },
        "above": {
          "type": "number"
        },
        "below": {
          "type": "number"
        },
        "count": {
          "const": "entries"
        },
        "at_least": {
          "type": "integer",
          "minimum": 0
        }
      },
      "oneOf": [
        {
          "required": [
            "in_window"
          ]
        },
        {
          "required": [
            "not_in_window"
          ]
        },
        {
          "required": [
            "indicator"
          ]
        },
        {
          "required": [
            "count"
          ]
        }
      ]
    },
    "action": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "escalate": {
          "oneOf": [
            {
              "type": "null"
            },
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "ladder": {
                  "type": "string"
                }
              }
            }
          ]
        },
        "briefing": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "demand": {
              "type": "string"
            },
            "deadline": {
              "type": "string",
              "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
              "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
            },
            "to": {
              "type": "string"
            }
          },
          "required": [
            "demand",
            "deadline"
          ]
        },
        "ritual": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "kind": {
              "type": "string"
            },
            "text": {
              "type": "string"
            }
          },
          "required": [
            "kind",
            "text"
          ]
        },
        "publish": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "template": {
              "type": "string"
            }
          },
          "required": [
            "template"
          ]
        },
        "notify": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "channel": {
              "type": "string"
            },
            "text": {
              "type": "string"
            },
            "template": {
              "type": "string"
            }
          },
          "oneOf": [
            {
              "required": [
                "text"
              ]
            },
            {
              "required": [
                "template"
              ]
            }
          ]
        },
        "rapid_response": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "team": {
              "type": "string"
            },
            "text": {
              "type": "string"
            }
          },
          "required": [
            "team",
            "text"
          ]
        },
        "in": {
          "type": "string",
          "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
          "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
        },
        "channel": {
          "type": "string"
        }
      },
      "oneOf": [
        {
          "required": [
            "escalate"
          ]
        },
        {
          "required": [
            "briefing"
          ]
        },
        {
          "required": [
            "ritual"
          ]
        },
        {
          "required": [
            "publish"
          ]
        },
        {
          "required": [
            "notify"
          ]
        },
        {
          "required": [
            "rapid_response"
          ]
        }
      ]
    }
  }
}
"""#

    /// Rule-test files.
    public static let ruleTest = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://crescendo.example/schema/rule-test.schema.json",
  "title": "Crescendo rule-test file",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "campaign": {
      "type": "string",
      "description": "the campaign file, relative to this file"
    },
    "tests": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/$defs/test"
      }
    }
  },
  "required": [
    "campaign",
    "tests"
  ],
  "$defs": {
    "test": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string"
        },
        "from": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
          "description": "a date or date-time; without an offset it is local time in the campaign's zone"
        },
        "until": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
          "description": "a date or date-time; without an offset it is local time in the campaign's zone"
        },
        "ledger": {
          "type": "array",
          "items": {
            "oneOf": [
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "at": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
                    "description": "a date or date-time; without an offset it is local time in the campaign's zone"
                  },
                  "kind": {
                    "type": "string"
                  },
                  "quantity": {
                    "type": "number"
                  },
                  "area": {
                    "type": "string"
                  },
                  "demand": {
                    "type": "string"
                  },
                  "care": {
                    "type": "string"
                  },
                  "cause": {
                    "type": "string"
                  },
                  "change": {
                    "type": "string"
                  }
                },
                "required": [
                  "at",
                  "kind"
                ]
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "generate": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "kind": {
                        "type": "string"
                      },
                      "quantity": {
                        "type": "number"
                      },
                      "area": {
                        "type": "string"
                      },
                      "demand": {
                        "type": "string"
                      },
                      "care": {
                        "type": "string"
                      },
                      "cause": {
                        "type": "string"
                      },
                      "change": {
                        "type": "string"
                      },
                      "count": {
                        "type": "integer",
                        "minimum": 1
                      },
                      "every": {
                        "type": "string",
                        "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                        "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
                      },
                      "from": {
                        "type": "string",
                        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
                        "description": "a date or date-time; without an offset it is local time in the campaign's zone"
                      }
                    },
                    "required": [
                      "count",
                      "every",
                      "from",
                      "kind"
                    ]
                  }
                },
                "required": [
                  "generate"
                ]
              }
            ]
          }
        },
        "indicators": {
          "type": "array",
          "items": {
            "oneOf": [
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "at": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
                    "description": "a date or date-time; without an offset it is local time in the campaign's zone"
                  },
                  "value": {
                    "type": "number"
                  }
                },
                "required": [
                  "name",
                  "at",
                  "value"
                ]
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "from": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
                    "description": "a date or date-time; without an offset it is local time in the campaign's zone"
                  },
                  "every": {
                    "type": "string",
                    "pattern": "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                    "description": "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)"
                  },
                  "values": {
                    "type": "array",
                    "items": {
                      "type": "number"
                    }
                  }
                },
                "required": [
                  "name",
                  "from",
                  "every",
                  "values"
                ]
              }
            ]
          }
        },
        "responses": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "deadline": {
                "type": "integer",
                "minimum": 1
              },
              "at": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
                "description": "a date or date-time; without an offset it is local time in the campaign's zone"
              },
              "text": {
                "type": "string"
              },
              "win": {
                "enum": [
                  "partial",
                  "full"
                ]
              }
            },
            "required": [
              "deadline",
              "at",
              "text"
            ]
          }
        },
        "expect": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/pattern"
          }
        },
        "expect_none": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/pattern"
          }
        },
        "exact": {
          "type": "boolean"
        }
      },
      "required": [
        "name"
      ]
    },
    "pattern": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "at": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
          "description": "a date or date-time; without an offset it is local time in the campaign's zone"
        },
        "rule": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "action": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "tactic": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "demand": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "deadline": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "due": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "kind": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "channel": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "text": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "area": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "deferred_from": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "coalesced": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "suppressed": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "reason": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "follows": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "late": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "because": {
          "type": [
            "string",
            "number",
            "boolean"
          ]
        }
      }
    }
  }
}
"""#
}
